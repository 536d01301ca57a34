import type { ImportedParameter, Segment } from './imported-app.js';

/** Splits text on the references `pattern` finds (its first group names the variable) into segments. */
export function splitReferences(text: string, pattern: RegExp, known?: (name: string) => boolean): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const name = match[1]!;
    if (known && !known(name)) continue;
    if (match.index > last) out.push({ kind: 'text', text: text.slice(last, match.index) });
    out.push({ kind: 'param', name });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) });
  return mergeText(out);
}

/** Joins neighbouring text segments (and drops empty ones). */
export function mergeText(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const prev = out[out.length - 1];
    if (s.kind === 'text' && s.text === '') continue;
    if (s.kind === 'text' && prev?.kind === 'text') out[out.length - 1] = { kind: 'text', text: prev.text + s.text };
    else out.push(s);
  }
  return out;
}

/** A value with every variable at its default (empty when it has none) and every host as the service's name. */
export function resolveSegments(segments: readonly Segment[], parameters: ReadonlyMap<string, ImportedParameter>): string {
  return segments.map((s) => (s.kind === 'text' ? s.text : s.kind === 'host' ? s.service : (parameters.get(s.name)?.default ?? ''))).join('');
}

/** Literal text as one segment list. */
export function text(value: string): Segment[] {
  return value === '' ? [] : [{ kind: 'text', text: value }];
}

/**
 * Replaces, in text segments, each host name of `hosts` (source name → service) with a host
 * segment where it reads as a host: after `//` or `@`, before `:PORT`, or as the whole value
 * of a variable whose name says it holds a host (`hostish`). A bare word elsewhere (a
 * database named like a service) stays text.
 */
export function findHosts(segments: readonly Segment[], hosts: ReadonlyMap<string, string>, self: string, hostish = false): Segment[] {
  const names = [...hosts.keys()].filter((h) => hosts.get(h) !== self).sort((a, b) => b.length - a.length);
  if (names.length === 0) return [...segments];
  const alternatives = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const pattern = new RegExp(`(?<=//|@)(${alternatives})(?=$|[:/\\s,?])|(?<=^|[\\s,=])(${alternatives})(?=:[0-9])`, 'g');
  const out: Segment[] = [];
  for (const s of segments) {
    if (s.kind !== 'text') {
      out.push(s);
      continue;
    }
    if (hostish && segments.length === 1 && hosts.has(s.text) && hosts.get(s.text) !== self) {
      out.push({ kind: 'host', service: hosts.get(s.text)! });
      continue;
    }
    let last = 0;
    for (const m of s.text.matchAll(pattern)) {
      const name = m[1] ?? m[2]!;
      if (m.index > last) out.push({ kind: 'text', text: s.text.slice(last, m.index) });
      out.push({ kind: 'host', service: hosts.get(name)! });
      last = m.index + name.length;
    }
    if (last < s.text.length) out.push({ kind: 'text', text: s.text.slice(last) });
  }
  return mergeText(out);
}

/** True when a variable's name says it holds a host name or an address. */
export function isHostish(name: string): boolean {
  return /HOST|SERVER|ADDR|ENDPOINT/i.test(name);
}
