import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { expect } from 'vitest';
import { loadCatalog, shippedCatalogDir, type CatalogIndex } from '../../libs/catalog/index.js';
import { composeApp } from '../../libs/composition/index.js';
import { catalogWithDrafts, type ImportResult } from '../../libs/import/index.js';
import { checkAppSpec } from '../../libs/manifest/index.js';
import { renderCompose } from '../../libs/render/index.js';
import { dockerComposeConfig, unescapeCompose, writeTemp } from '../bundles/compose-checks.js';
import type { ExpectedService } from './source-expectations.js';

let catalog: CatalogIndex | undefined;
/** The shipped catalog, loaded once per test file. */
export function shipped(): CatalogIndex {
  catalog ??= loadCatalog(shippedCatalogDir()).index;
  return catalog;
}

let validateComponent: ReturnType<Ajv2020['compile']> | undefined;
/** Errors from schemas/component.schema.json itself (ajv, apart from the loader's own checks). */
export function componentSchemaErrors(manifest: unknown): string[] {
  if (!validateComponent) {
    const schema = JSON.parse(readFileSync(join(__dirname, '../../schemas/component.schema.json'), 'utf8'));
    validateComponent = new Ajv2020({ strict: false, allErrors: true, validateFormats: false }).compile(schema);
  }
  return validateComponent(manifest) ? [] : (validateComponent.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** The image a reference names, as a registry would read it (Docker Hub's defaults spelled out). */
export function normalImage(reference: string): string {
  const [name, tag] = [reference.replace(/:[^:/]+$/, ''), /:([^:/]+)$/.exec(reference)?.[1] ?? 'latest'];
  const first = name.split('/')[0]!;
  const full =
    name.includes('/') && (first.includes('.') || first.includes(':')) ? name : name.includes('/') ? `docker.io/${name}` : `docker.io/library/${name}`;
  return `${full}:${tag}`;
}

/**
 * Checks an import against what the source says: drafts pass the component schema, the
 * app spec validates, and its Compose bundle, through the real `docker-compose config`,
 * runs the same images, environment names and values, volume paths and published ports.
 */
export function checkImport(result: ImportResult, expected: readonly ExpectedService[]): void {
  for (const draft of result.drafts) expect(componentSchemaErrors(draft), draft.metadata.name).toEqual([]);
  expect(checkAppSpec(JSON.parse(JSON.stringify(result.app))).diagnostics).toEqual([]);
  const composed = composeApp(result.app, catalogWithDrafts(shipped(), result.drafts));
  expect(composed.diagnostics).toEqual([]);
  const dir = writeTemp(renderCompose(composed.app!));
  try {
    const { config } = dockerComposeConfig(dir);
    expect(Object.keys(config.services).sort()).toEqual(expected.map((s) => s.name).sort());
    const generated = new Map<string, string>();
    for (const want of expected) {
      const got = config.services[want.name];
      const instance = result.app.instances[want.name]!;
      const fromCatalog = !result.drafts.some((d) => instance.component === `${d.metadata.name}@^1`);
      if (fromCatalog) {
        // A catalog component stands in: same repository and major version.
        const [repo, tag] = [normalImage(want.image).replace(/:[^:/]+$/, ''), normalImage(want.image).split(':').pop()!];
        expect(normalImage(got.image).startsWith(`${repo}:${tag.split('.')[0]}`), `${want.name}: ${got.image} for ${want.image}`).toBe(true);
      } else expect(normalImage(got.image), want.name).toBe(normalImage(want.image));
      const env = Object.fromEntries(Object.entries(got.environment ?? {}).map(([k, v]) => [k, unescapeCompose(String(v))]));
      for (const [name, value] of Object.entries(want.env)) {
        expect(Object.keys(env), `${want.name} sets ${name}`).toContain(name);
        if ('value' in value) expect(env[name], `${want.name}.${name}`).toBe(value.value);
        else {
          // Each generated source variable is generated once and shared by every service using it.
          const key = value.generated;
          const whole = key.startsWith('<') && key.endsWith('>') && !key.slice(1).includes('<');
          expect(env[name]!.length, `${want.name}.${name} generated`).toBeGreaterThan(0);
          if (whole) {
            if (generated.has(key)) expect(env[name], `${want.name}.${name} shared`).toBe(generated.get(key));
            else generated.set(key, env[name]!);
          }
        }
      }
      const targets = (got.volumes ?? []).map((v: string | { target: string }) => (typeof v === 'string' ? v.split(':')[1] : v.target));
      for (const path of want.volumes) expect(targets, `${want.name} volume`).toContain(path);
      const published = (got.ports ?? []).map((p: { published: string | number }) => Number(p.published));
      expect(published.sort(), `${want.name} ports`).toEqual([...want.published].sort());
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
