import type { SecretReader } from '../renderer.js';
import { ENV_FILE } from './render-compose.js';
import { parseDotenv } from './parse-dotenv.js';

const LABEL = /^([a-z][a-z0-9-]*)\.([A-Za-z0-9_-]+)(?: ([0-9]+)\/([0-9]+))?$/;

/**
 * Reads the secret inputs an earlier Compose bundle holds in `.env`, by the
 * `# instance.input` comment above each variable (chunks joined back in order).
 */
export const readComposeSecrets: SecretReader = (files) => {
  const text = files.get(ENV_FILE);
  if (text === undefined) return {};
  const pieces = new Map<string, { instance: string; input: string; parts: string[]; total: number }>();
  for (const entry of parseDotenv(text)) {
    const match = entry.comment === undefined ? null : LABEL.exec(entry.comment);
    if (!match) continue;
    const [, instance, input, index, total] = match as unknown as [string, string, string, string | undefined, string | undefined];
    const key = `${instance}.${input}`;
    const n = total === undefined ? 1 : Number(total);
    let p = pieces.get(key);
    if (!p || p.total !== n) {
      p = { instance, input, parts: new Array<string>(n).fill(''), total: n };
      pieces.set(key, p);
    }
    p.parts[index === undefined ? 0 : Number(index) - 1] = entry.value;
  }
  const secrets: Record<string, Record<string, string>> = {};
  for (const p of pieces.values()) (secrets[p.instance] ??= {})[p.input] = p.parts.join('');
  return secrets;
};
