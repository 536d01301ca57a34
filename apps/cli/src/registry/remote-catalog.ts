import { CatalogIndex, parseComponentRef, searchWords, type AisleSummary, type ComponentVersion } from '../../../../libs/catalog/index.js';
import { error, warning } from '../../../../libs/diagnostics/index.js';
import { manifestDigest, parseManifest } from '../../../../libs/manifest/index.js';
import type { CatalogSource } from './catalog-source.js';
import { graphqlRequest, type RegistryConnection } from './graphql-request.js';
import { RegistryError } from './registry-error.js';

const VERSION_FIELDS = 'version digest manifest deprecated certification { level verified certifier issuedAt reason }';
// The service's cost limit counts a version list as 100 versions: this many components per request stay well under it.
const COMPONENTS_PER_REQUEST = 5;
const PAGE_SIZE = 50;
const MAX_PAGES = 40;

interface VersionAnswer {
  version: string;
  digest: string;
  manifest: unknown;
  deprecated: string | null;
  certification: { level: string; verified: boolean; certifier: string | null; issuedAt: string | null; reason: string | null };
}

/**
 * An Aisle service as a catalog source, through GraphQL. Manifests come back whole and
 * their digests are checked here, so a version composes from exactly the bytes its
 * digest names (the certification status is the service's word). Private components
 * reach the CLI only when the token's organization may see them: the service decides.
 */
export function remoteCatalogSource(connection: RegistryConnection): CatalogSource {
  return {
    async aisles() {
      const data = await graphqlRequest<{ aisles: Array<{ name: string; components: number; kits: number; description: string | null }> }>(
        connection,
        'query Aisles { aisles { name components kits description } }',
      );
      return data.aisles.map((a): AisleSummary => ({
        name: a.name,
        components: a.components,
        kits: a.kits,
        ...(a.description ? { description: a.description } : {}),
      }));
    },

    async search(text, aisle) {
      const index = new CatalogIndex();
      const query = `query Search($search: String, $aisle: String, $first: Int, $after: String) {
        components(search: $search, aisle: $aisle, first: $first, after: $after) { nodes { name latest { ${VERSION_FIELDS} } } pageInfo { hasNextPage endCursor } }
      }`;
      let after: string | null = null;
      let more = false;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const variables = { search: text.trim() === '' ? null : text, aisle: aisle ?? null, first: PAGE_SIZE, after };
        type Page = { components: { nodes: Array<{ name: string; latest: VersionAnswer }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
        const data: Page = await graphqlRequest<Page>(connection, query, variables);
        for (const node of data.components.nodes) index.add(toComponentVersion(connection.url, node.name, node.latest));
        more = data.components.pageInfo.hasNextPage && Boolean(data.components.pageInfo.endCursor);
        if (!more) break;
        after = data.components.pageInfo.endCursor;
      }
      // Said, not silently cut: the service had more than one answer reads.
      const diagnostics = more
        ? [
            warning(
              'RESULTS_TRUNCATED',
              connection.url,
              `more than ${MAX_PAGES * PAGE_SIZE} components match: these are the first ${MAX_PAGES * PAGE_SIZE} ${searchWords(text).length > 0 ? 'in search order (name matches first)' : 'by name'}; narrow the search with more words or --aisle`,
            ),
          ]
        : [];
      // Ranked and filtered by the same code as the local catalog.
      return { versions: index.search(text, aisle), diagnostics };
    },

    async indexFor(references) {
      const names = [...new Set(references.map((r) => parseComponentRef(r).ref?.name).filter((n): n is string => n !== undefined))];
      const index = new CatalogIndex();
      for (let start = 0; start < names.length; start += COMPONENTS_PER_REQUEST) {
        const chunk = names.slice(start, start + COMPONENTS_PER_REQUEST);
        const query = `query Components(${chunk.map((_, i) => `$n${i}: String!`).join(', ')}) { ${chunk.map((_, i) => `c${i}: component(name: $n${i}) { name versions { ${VERSION_FIELDS} } }`).join(' ')} }`;
        const data = await graphqlRequest<Record<string, { name: string; versions: VersionAnswer[] } | null>>(
          connection,
          query,
          Object.fromEntries(chunk.map((n, i) => [`n${i}`, n])),
        );
        for (const component of Object.values(data)) {
          for (const v of component?.versions ?? []) index.add(toComponentVersion(connection.url, component!.name, v));
        }
      }
      // A name the service does not show: the names it does show, so the miss gets the local "did you mean".
      if (names.some((n) => index.versions(n).length === 0)) index.addKnownNames(await visibleNames(connection));
      return index;
    },
  };
}

/** The names of every component the connection may see, a page at a time. */
async function visibleNames(connection: RegistryConnection): Promise<string[]> {
  const names: string[] = [];
  const query = 'query Names($after: String) { components(first: 100, after: $after) { nodes { name } pageInfo { hasNextPage endCursor } } }';
  let after: string | null = null;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    type Page = { components: { nodes: Array<{ name: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const data: Page = await graphqlRequest<Page>(connection, query, { after });
    names.push(...data.components.nodes.map((n) => n.name));
    if (!data.components.pageInfo.hasNextPage || !data.components.pageInfo.endCursor) break;
    after = data.components.pageInfo.endCursor;
  }
  return names;
}

/** A version as the service sent it, as the CLI's own: its manifest checked against the schema and against its digest. */
function toComponentVersion(url: string, name: string, v: VersionAnswer): ComponentVersion {
  const source = `${url} ${name}@${v.version}`;
  const parsed = parseManifest(JSON.stringify(v.manifest ?? null), source);
  if (!parsed.value) {
    throw new RegistryError([
      error(
        'REGISTRY_FAILED',
        source,
        `the service sent a manifest this aisle cannot read (${parsed.diagnostics[0]?.message ?? 'invalid'}); is the service newer than this CLI?`,
      ),
    ]);
  }
  const digest = manifestDigest(parsed.value);
  if (digest !== v.digest) {
    throw new RegistryError([
      error('REGISTRY_DIGEST_MISMATCH', source, `the manifest sent hashes to ${digest}, not to the ${v.digest} the service states; refusing to use it`),
    ]);
  }
  const c = v.certification;
  return {
    name,
    version: v.version,
    digest,
    manifest: parsed.value,
    source,
    ...(v.deprecated ? { deprecated: v.deprecated } : {}),
    certification: {
      level: c.level === 'certified' ? 'certified' : 'uncertified',
      verified: c.verified === true,
      ...(c.certifier ? { certifier: c.certifier } : {}),
      ...(c.issuedAt ? { issuedAt: c.issuedAt } : {}),
      ...(c.reason ? { reason: c.reason } : {}),
    },
  };
}
