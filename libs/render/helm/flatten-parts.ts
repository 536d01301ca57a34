import type { ResolvedInstance, ResolvedValue, ValuePart } from '../../composition/resolved-app.js';

/**
 * Replaces references to wired inputs by the parts they were wired from, so a value is
 * rebuilt from inputs Helm knows (composition usually did this already).
 */
export function flattenParts(parts: readonly ValuePart[], instances: ReadonlyMap<string, ResolvedInstance>, depth = 0): ValuePart[] {
  const out: ValuePart[] = [];
  for (const part of parts) {
    const wired = part.kind === 'input' ? instances.get(part.instance)?.inputParts[part.input] : undefined;
    if (part.kind !== 'input' || !wired || depth > 16 || isSelfReference(wired, part)) {
      out.push(part);
      continue;
    }
    for (const inner of flattenParts(wired.parts, instances, depth + 1)) {
      if (part.filters.length === 0) out.push(inner);
      else if (inner.kind === 'text') out.push({ kind: 'text', text: part.filters.reduce((t) => encodeURIComponent(t), inner.text) });
      else if (inner.kind === 'input') out.push({ ...inner, filters: [...inner.filters, ...part.filters] });
      else out.push(inner);
    }
  }
  return out;
}

function isSelfReference(wired: ResolvedValue, part: Extract<ValuePart, { kind: 'input' }>): boolean {
  return wired.parts.some((p) => p.kind === 'input' && p.instance === part.instance && p.input === part.input);
}
