import type { DataSource } from 'typeorm';
import { pickVersion, searchText } from '../../../libs/catalog/index.js';
import { manifestDigest, type ComponentManifest } from '../../../libs/manifest/index.js';

/** What the database holds, read with plain SQL (not through the service's repository). */
export interface StoredCatalog {
  /** name → version → digest. */
  versions: Map<string, Map<string, string>>;
  /** The catalog generation: how many writes were committed. */
  generation: number;
  /** Every way the rows disagree with each other: empty when the catalog is whole. */
  problems: string[];
}

/**
 * Reads every component and version and checks that nothing is partial: each component
 * has versions, its summary (latest version, aisle, search text) is that of its newest
 * version, and each stored manifest still hashes to its digest.
 */
export async function readStoredCatalog(ds: DataSource, schema?: string): Promise<StoredCatalog> {
  const table = (name: string) => (schema ? `"${schema}"."${name}"` : `"${name}"`);
  const components = (await ds.query(`SELECT id, name, aisle, search_text, latest_version FROM ${table('component')}`)) as Array<{
    id: number | string;
    name: string;
    aisle: string;
    search_text: string;
    latest_version: string;
  }>;
  const rows = (await ds.query(`SELECT component_id, version, digest, manifest, deprecated FROM ${table('component_version')}`)) as Array<{
    component_id: number | string;
    version: string;
    digest: string;
    manifest: string;
    deprecated: string | null;
  }>;
  const [state] = (await ds.query(`SELECT generation FROM ${table('catalog_state')} WHERE id = 1`)) as Array<{ generation: number | string }>;
  const problems: string[] = [];
  const versions = new Map<string, Map<string, string>>();
  const byId = new Map(components.map((c) => [Number(c.id), c]));
  for (const row of rows) if (!byId.has(Number(row.component_id))) problems.push(`version ${row.version} belongs to no component (id ${row.component_id})`);
  for (const c of components) {
    const own = rows.filter((r) => Number(r.component_id) === Number(c.id));
    versions.set(c.name, new Map(own.map((r) => [r.version, r.digest])));
    if (own.length === 0) {
      problems.push(`${c.name} has no version`);
      continue;
    }
    for (const r of own) {
      const manifest = JSON.parse(r.manifest) as ComponentManifest;
      if (manifestDigest(manifest) !== r.digest) problems.push(`${c.name}@${r.version}: the stored manifest does not hash to its digest`);
    }
    const chosen = pickVersion(
      c.name,
      own.map((r) => ({ ...r, deprecated: r.deprecated ?? undefined })),
      'latest',
      '',
    ).version;
    if (!chosen || chosen.version !== c.latest_version) problems.push(`${c.name}: latest is ${c.latest_version}, its newest version is ${chosen?.version}`);
    else {
      const m = JSON.parse(chosen.manifest) as ComponentManifest;
      if (c.aisle !== m.metadata.aisle || c.search_text !== searchText(m, c.name)) problems.push(`${c.name}: the summary is not that of ${chosen.version}`);
    }
  }
  return { versions, generation: Number(state?.generation), problems };
}
