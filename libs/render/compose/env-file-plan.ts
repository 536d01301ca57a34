import type { ResolvedApp } from '../../composition/index.js';
import type { TemplateFilter } from '../../manifest/index.js';
import { dotenvChunks, quoteChunk } from './dotenv-chunks.js';

const HEADER = [
  '# Secrets of this bundle, read by docker compose from this folder.',
  '# Keep this file private (mode 0600) and out of version control.',
  '# Each value is kept when the bundle is composed again into this folder.',
];

interface Entry {
  comment: string;
  name: string;
  value: string;
}

/**
 * The variables of a Compose bundle's `.env`: one per secret input (split in chunks
 * where .env parsing would alter it), plus derived ones (a filtered secret, a secret
 * value that no secret input explains). Hands out the `${…}` text compose.yaml uses.
 */
export class EnvFilePlan {
  private readonly entries: Entry[] = [];
  private readonly used = new Set<string>();
  private readonly refs = new Map<string, string>();
  private readonly locks = new Map<string, string>();
  private readonly values = new Map<string, string>();

  constructor(app: ResolvedApp) {
    for (const instance of app.instances) {
      for (const input of instance.secretInputs) {
        const v = instance.inputs[input];
        if (v === undefined) continue;
        const key = `${instance.name}.${input}`;
        this.values.set(key, String(v));
        const names = this.add(key, envName(`${instance.name}_${input}`), String(v));
        this.refs.set(key, names.map((n) => `\${${n}}`).join(''));
        this.locks.set(key, `.env#${names.join('+')}`);
      }
    }
  }

  /** True when the input is a secret input with a value in this plan. */
  has(instance: string, input: string): boolean {
    return this.refs.has(`${instance}.${input}`);
  }

  /** Compose text standing for a secret input's value, after filters. */
  reference(instance: string, input: string, filters: readonly TemplateFilter[], applyFilters: (text: string) => string): string {
    const key = `${instance}.${input}`;
    const base = this.refs.get(key)!;
    if (filters.length === 0) return base;
    const raw = this.values.get(key)!;
    const filtered = applyFilters(raw);
    if (filtered === raw) return base;
    const derivedKey = `${key} | ${filters.join(' | ')}`;
    let ref = this.refs.get(derivedKey);
    if (!ref) {
      const names = this.add(derivedKey, envName(`${instance}_${input}_${filters.join('_')}`), filtered);
      ref = names.map((n) => `\${${n}}`).join('');
      this.refs.set(derivedKey, ref);
    }
    return ref;
  }

  /** Compose text for a whole secret value stored under its own variable (labelled by where it is used). */
  whole(label: string, nameHint: string, value: string): string {
    let ref = this.refs.get(label);
    if (!ref) {
      ref = this.add(label, envName(nameHint), value)
        .map((n) => `\${${n}}`)
        .join('');
      this.refs.set(label, ref);
    }
    return ref;
  }

  /** Where aisle.lock says a secret input's value is kept, e.g. `.env#DB_PASSWORD`. */
  lockRef(instance: string, input: string): string | undefined {
    return this.locks.get(`${instance}.${input}`);
  }

  /** The .env text; empty when the bundle holds no secret. */
  render(): string {
    if (this.entries.length === 0) return '';
    const lines = [...HEADER, ''];
    for (const e of this.entries) lines.push(`# ${e.comment}`, `${e.name}=${e.value}`);
    return `${lines.join('\n')}\n`;
  }

  private add(label: string, base: string, value: string): string[] {
    const chunks = dotenvChunks(value);
    return chunks.map((chunk, i) => {
      const name = this.allocate(chunks.length === 1 ? base : `${base}_${i + 1}`);
      this.entries.push({ comment: chunks.length === 1 ? label : `${label} ${i + 1}/${chunks.length}`, name, value: quoteChunk(chunk) });
      return name;
    });
  }

  private allocate(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.used.has(name); n++) name = `${wanted}_${n}`;
    this.used.add(name);
    return name;
  }
}

/** `db` + `rootPassword` → `DB_ROOT_PASSWORD`. */
export function envName(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
}
