/** A Kubernetes CPU quantity (`100m`, `1`, `0.5`) as Compose's `cpus` (`0.1`, `1`, `0.5`). */
export function composeCpus(quantity: string): string {
  const milli = /^([0-9]+)m$/.exec(quantity);
  if (milli) return String(Number(milli[1]) / 1000);
  return String(Number(quantity));
}

const BINARY: Record<string, string> = { Ki: 'k', Mi: 'm', Gi: 'g' };
const DECIMAL: Record<string, number> = { k: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/**
 * A Kubernetes memory quantity (`256Mi`, `1Gi`, `500M`) as a Compose byte value: Compose
 * units are binary (`256m` = 256 MiB), decimal quantities become exact byte counts.
 */
export function composeMemory(quantity: string): string {
  const match = /^([0-9]+(?:\.[0-9]+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(quantity);
  if (!match) return quantity;
  const n = Number(match[1]);
  const unit = match[2];
  if (unit === undefined) return `${Math.ceil(n)}b`;
  if (unit === 'Ti') return Number.isInteger(n) ? `${n * 1024}g` : `${Math.ceil(n * 1024 ** 4)}b`;
  if (unit in BINARY) return Number.isInteger(n) ? `${n}${BINARY[unit]}` : `${Math.ceil(n * 1024 ** (Object.keys(BINARY).indexOf(unit) + 1))}b`;
  return `${Math.ceil(n * DECIMAL[unit]!)}b`;
}
