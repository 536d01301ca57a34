'use strict';
// A catalog at registry scale, generated the same way every time: bench/scale.js measures ingest, browse and
// search on it, and test/api/search-at-scale.spec.ts checks that both databases search it as `aisle search` does.
// Each component is the shipped httpd manifest under another name, with words drawn from a small vocabulary, so
// that common words ("sql", "cache") match thousands of components, partial words match inside names, and some
// names are exactly a word: every rank of a search (searchRank) is well populated.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { parse } = require('yaml');

const ROOT = join(__dirname, '..', '..');
const WORDS = [
  'sql',
  'postgres',
  'mysql',
  'cache',
  'redis',
  'queue',
  'kafka',
  'web',
  'proxy',
  'http',
  'search',
  'vector',
  'graph',
  'series',
  'object',
  'store',
  'mail',
  'auth',
  'metrics',
  'log',
  'trace',
  'stream',
  'document',
  'blob',
  'edge',
  'gateway',
  'db',
  'io',
  'x',
];
const AISLES = ['database', 'cache', 'queue', 'web', 'storage', 'identity', 'search', 'observability'];
const VERSIONS = ['1.0.0', '1.1.0', '2.0.0'];

/** A small deterministic generator (mulberry32): the same catalog on every run and machine. */
function randomFrom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` components of VERSIONS.length versions each, as `{ name, versions: [{ version, manifest, deprecated? }] }`,
 * oldest version first. The first WORDS.length components are named exactly a word; later names join two words and
 * a number. Titles carry capitals, some descriptions "100%" or "snake_case", and the newest version a keyword of its
 * own ("v2"), so a search reads the latest version's text.
 */
function scaleCatalog(count = 10000) {
  // Copied by parsing its JSON again: several times faster than structuredClone, which adds up over 30,000 copies.
  const base = JSON.stringify(parse(readFileSync(join(ROOT, 'catalog', 'httpd', '2.4.68', 'component.yaml'), 'utf8')));
  const next = randomFrom(14);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const components = [];
  for (let i = 0; i < count; i++) {
    const a = pick(WORDS);
    const b = pick(WORDS);
    const name = i < WORDS.length ? WORDS[i] : `${a}-${b}-${i}`;
    const aisle = pick(AISLES);
    const words = [pick(WORDS), pick(WORDS), pick(WORDS)];
    const extra = i % 13 === 0 ? ' Ready 100% of the time.' : i % 17 === 0 ? ' Reads snake_case keys.' : '';
    const versions = VERSIONS.map((version, v) => {
      const manifest = JSON.parse(base);
      manifest.metadata.name = name;
      manifest.metadata.version = version;
      manifest.metadata.aisle = aisle;
      manifest.metadata.title = `${a.toUpperCase()} ${b[0].toUpperCase()}${b.slice(1)} ${i}`;
      manifest.metadata.description = `Generated component ${i} for ${words.join(', ')} workloads, release ${version}.${extra}`;
      manifest.metadata.keywords = v === VERSIONS.length - 1 ? [words[0], 'v2'] : [words[0]];
      manifest.spec.image.tag = version;
      // Every seventh component's newest version is deprecated: a bare name then picks 1.1.0.
      const deprecated = i % 7 === 0 && v === VERSIONS.length - 1 ? 'superseded by a later generated component' : undefined;
      return { version, manifest, deprecated };
    });
    components.push({ name, versions });
  }
  return components;
}

/** Searches worth running on the generated catalog: whole words, partial words, short words, several, none. */
const SCALE_SEARCHES = [
  'sql',
  'postgres',
  'gre',
  'SQL',
  'cache redis',
  'db',
  'x',
  'io',
  'v2',
  'web proxy 42',
  '100%',
  '_',
  'snake_case',
  'metrics-log',
  'no-such-word',
  'a b',
];

/**
 * Generated components (scaleCatalog's) as loading a catalog folder yields them: each component's versions newest first,
 * with their digests. Aisle's digest and "uncertified" status are passed in, so that the bench can use
 * the built code and the test the sources.
 */
function scaleShipped(components, { manifestDigest, uncertified }) {
  return components.map((c) => ({
    name: c.name,
    versions: c.versions
      .map((v) => ({
        name: c.name,
        version: v.version,
        digest: manifestDigest(v.manifest),
        manifest: v.manifest,
        source: `generated/${c.name}/${v.version}`,
        deprecated: v.deprecated,
        certification: uncertified,
      }))
      .reverse(),
  }));
}

module.exports = { scaleCatalog, scaleShipped, SCALE_SEARCHES, SCALE_VERSIONS: VERSIONS };
