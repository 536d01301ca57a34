import type { ImportedApp, ReportEntry } from './imported-app.js';

export type Obj = Record<string, unknown>;

/** The value as a plain object, or undefined. */
export function asObject(value: unknown): Obj | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;
}

/** The value as an array (empty when it is not one). */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A scalar as text; undefined for objects, arrays and null. */
export function asText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** Records report lines on an app being imported. */
export function recorder(app: Pick<ImportedApp, 'entries'>) {
  return {
    mapped(source: string, target: string, reason?: string) {
      app.entries.push({ source, status: 'mapped', target, ...(reason ? { reason } : {}) } satisfies ReportEntry);
    },
    dropped(source: string, reason: string) {
      app.entries.push({ source, status: 'dropped', reason });
    },
    renamed(source: string, target: string, reason: string) {
      app.entries.push({ source, status: 'renamed', target, reason });
    },
  };
}

/** Splits a shell-like command line into words (quotes respected; no expansion). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: string | undefined;
  let has = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < line.length) current += line[++i];
      else current += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (/\s/.test(c)) {
      if (has || current) words.push(current);
      current = '';
      has = false;
    } else if (c === '\\' && i + 1 < line.length) current += line[++i];
    else current += c;
  }
  if (has || current) words.push(current);
  return words;
}

/** A command as one shell line: words quoted where needed. */
export function shellLine(words: readonly string[]): string {
  return words.map((w) => (/^[A-Za-z0-9_@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** A Compose or Go duration (`1m30s`, `10s`, `500ms`) in whole seconds (at least 1); undefined when unreadable. */
export function durationSeconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const re = /([0-9.]+)(h|ms|m|s|us|ns)/g;
  let total = 0;
  let consumed = 0;
  for (const m of text.matchAll(re)) {
    const n = Number(m[1]);
    total += n * { h: 3600, m: 60, s: 1, ms: 0.001, us: 0.000001, ns: 1e-9 }[m[2] as 'h']!;
    consumed += m[0].length;
  }
  if (consumed !== text.length || consumed === 0) return /^[0-9]+$/.test(text) ? Math.max(1, Number(text)) : undefined;
  return Math.max(1, Math.round(total));
}

/** A byte size as Compose writes it (`512m`, `1g`, `1024`) as a Kubernetes quantity (`512Mi`). */
export function byteQuantity(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const m = /^([0-9]+)\s*([bkmgt]?)i?b?$/i.exec(text.trim());
  if (!m) return /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|K|M|G|T)$/.test(text) ? text : undefined;
  const unit = m[2]!.toLowerCase();
  return unit === '' || unit === 'b' ? m[1]! : `${m[1]}${unit.toUpperCase()}i`;
}
