const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600 };

/**
 * Seconds in a manifest duration (`500ms`, `10s`, `2m`, `1h`), rounded up to whole
 * seconds because probes and Compose health checks are configured in seconds.
 */
export function parseDuration(text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const match = /^([0-9]+)(ms|s|m|h)$/.exec(text);
  if (!match) return fallback;
  return Math.ceil(Number(match[1]) * UNIT_SECONDS[match[2]!]!);
}
