/** Lower-case DNS label of at most `max` characters: what instance, component, port and volume names must be. */
export function safeName(raw: string, fallback: string, max = 32): string {
  const cleaned = raw
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, max)
    .replace(/-+$/, '')
    .replace(/-{2,}/g, '-');
  return cleaned.length > 0 ? cleaned : fallback;
}

/** An input or output key (`^[a-z][a-zA-Z0-9]{0,39}$`) from an environment variable or parameter name: `DB_PASSWORD` → `dbPassword`. */
export function inputKey(raw: string): string {
  const words = raw
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const joined = words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  const key = joined.replace(/^[^a-z]+/, '').slice(0, 40);
  return key.length > 0 ? key : 'value';
}

/** `name`, or `name2`, `name3`… : the first not in `taken`, which it joins. */
export function unique(name: string, taken: Set<string>, max = 40): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name.slice(0, max - String(n).length)}${n}`;
  taken.add(candidate);
  return candidate;
}
