'use strict';
// The ceiling of bench/scale.js's ingest row: the same rows the service's ingest writes, inserted by the database
// driver alone (better-sqlite3 or pg), in multi-row INSERTs of 500 rows within one transaction.
const { join } = require('node:path');
const Database = require('better-sqlite3');
const { Client } = require('pg');

const DIST = join(__dirname, '..', '..', 'dist');
const { toVersionRow } = require(join(DIST, 'apps', 'api', 'src', 'catalog', 'catalog-mapper.js'));
const { LIBRARY_ORGANIZATION } = require(join(DIST, 'apps', 'api', 'src', 'catalog', 'ingest-catalog.js'));
const { searchText, pickVersion } = require(join(DIST, 'libs', 'catalog', 'index.js'));

const seconds = (began) => Number(process.hrtime.bigint() - began) / 1e9;

/** The rows the ingest writes, as plain values in table column order, for the raw insert. */
function rawRows(shipped) {
  const now = new Date().toISOString();
  return shipped.map((c) => {
    const latest = pickVersion(c.name, c.versions, 'latest', '').version;
    const component = [
      c.name,
      LIBRARY_ORGANIZATION,
      'public',
      latest.manifest.metadata.aisle,
      searchText(latest.manifest, c.name),
      latest.version,
      latest.certification.level === 'certified',
      now,
    ];
    const versions = c.versions.map((v) => {
      const r = toVersionRow(v, 0, undefined, now);
      return [
        r.version,
        r.digest,
        r.manifest,
        r.deprecated,
        r.certificationLevel,
        r.certificationVerified,
        r.certifier,
        r.issuedAt,
        r.certificationReason,
        r.certificationRecord,
        r.source,
        r.publishedAt,
      ];
    });
    return { component, versions };
  });
}

const COMPONENT_SQL = 'INSERT INTO component (name, organization, visibility, aisle, search_text, latest_version, latest_certified, created_at) VALUES ';
const VERSION_SQL =
  'INSERT INTO component_version (component_id, version, digest, manifest, deprecated, certification_level, certification_verified, certifier, issued_at, certification_reason, certification_record, source, published_at) VALUES ';

/** Seconds for the driver alone to insert the same rows, in batches of multi-row INSERTs in one transaction. */
async function rawInsert(kind, url, rows) {
  const BATCH = 500;
  const tuples = (count, width, pg) => {
    let n = 0;
    return Array.from({ length: count }, () => `(${Array.from({ length: width }, () => (pg ? `$${++n}` : '?')).join(', ')})`).join(', ');
  };
  if (kind === 'sqlite') {
    const db = new Database(url);
    // As the service opens it (database-options.ts).
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const bool = (v) => (typeof v === 'boolean' ? Number(v) : v);
    const began = process.hrtime.bigint();
    db.transaction(() => {
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH);
        const ids = db.prepare(`${COMPONENT_SQL}${tuples(batch.length, 8, false)} RETURNING id`).all(...batch.flatMap((r) => r.component.map(bool)));
        const versions = batch.flatMap((r, j) => r.versions.map((v) => [ids[j].id, ...v.map(bool)]));
        for (let k = 0; k < versions.length; k += BATCH) {
          const part = versions.slice(k, k + BATCH);
          db.prepare(`${VERSION_SQL}${tuples(part.length, 13, false)}`).run(...part.flat());
        }
      }
    })();
    const s = seconds(began);
    db.close();
    return s;
  }
  const client = new Client({ connectionString: url });
  await client.connect();
  const began = process.hrtime.bigint();
  await client.query('BEGIN');
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const ids = (
      await client.query(
        `${COMPONENT_SQL}${tuples(batch.length, 8, true)} RETURNING id`,
        batch.flatMap((r) => r.component),
      )
    ).rows;
    const versions = batch.flatMap((r, j) => r.versions.map((v) => [ids[j].id, ...v]));
    for (let k = 0; k < versions.length; k += BATCH) {
      const part = versions.slice(k, k + BATCH);
      await client.query(`${VERSION_SQL}${tuples(part.length, 13, true)}`, part.flat());
    }
  }
  await client.query('COMMIT');
  const s = seconds(began);
  await client.end();
  return s;
}

module.exports = { rawRows, rawInsert };
