import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aisle } from './cli-in-process.js';
import { EXAMPLES_DIR } from './example-bundles.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'aisle-polish-'));
const CATALOG = join(__dirname, '../../catalog');

/**
 * The table starting at the line holding `header`: every line up to the first blank one
 * (or the end). Checks it is a table: no trailing spaces, and every row's cells start
 * where the header's column names start.
 */
function expectTable(text: string, header: string[]): string[][] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => header.every((h) => l.includes(h)) && l.trim().startsWith(header[0]!));
  expect(start, `no table with header ${header.join(' ')} in:\n${text}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l.trim() === '');
  const table = lines.slice(start, end < 0 ? undefined : end);
  expect(table.length).toBeGreaterThan(1);
  const columns = header.map((h) => table[0]!.indexOf(h));
  const rows: string[][] = [];
  for (const line of table) {
    expect(line, 'trailing space').toBe(line.trimEnd());
    rows.push(
      columns.map((at, i) => {
        // Each cell starts at its column, after at least one space (or at the line start).
        expect(line.length, `${JSON.stringify(line)} is shorter than its columns`).toBeGreaterThan(at);
        if (at > 0) expect(line.slice(at - 1, at + 1), `${JSON.stringify(line)}: column ${header[i]} misaligned`).toMatch(/^ \S/);
        return line.slice(at, columns[i + 1] ?? undefined).trim();
      }),
    );
  }
  return rows.slice(1);
}

describe('usage errors (issue 10)', () => {
  it('answers in JSON under --json: a USAGE diagnostic naming the option, on stdout, exit 2', async () => {
    const r = await aisle(['get', 'postgresql', '--bogus', '--json'], scratch());
    expect(r.code).toBe(2);
    expect(r.err).toBe('');
    const answer = JSON.parse(r.out);
    expect(answer.ok).toBe(false);
    expect(answer.diagnostics).toEqual([{ severity: 'error', code: 'USAGE', path: '--bogus', message: 'unknown option --bogus' }]);
  });

  it('takes the global options before the command too, as kubectl and gh do', async () => {
    const cwd = scratch();
    const after = await aisle(['aisles', '--json'], cwd);
    expect(after.code).toBe(0);
    expect(await aisle(['--json', 'aisles'], cwd)).toEqual(after);
    expect(await aisle(['--catalog', CATALOG, '--json', 'search', 'sql'], cwd)).toEqual(await aisle(['search', 'sql', '--catalog', CATALOG, '--json'], cwd));
    expect(await aisle(['--catalog=' + CATALOG, 'aisles'], cwd)).toEqual(await aisle(['aisles'], cwd));
    // Anything else before the command is still a usage error, and a lone option is no command.
    expect((await aisle(['--target', 'helm', 'get', 'postgresql'], cwd)).code).toBe(2);
    expect((await aisle(['--json'], cwd)).code).toBe(2);
  });

  it('answers a wrong --set in JSON too, without echoing it', async () => {
    const r = await aisle(['get', 'postgresql', '--set', 'hunter2', '--json'], scratch());
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).diagnostics[0]).toMatchObject({ code: 'USAGE', path: '--set' });
    expect(r.out).not.toContain('hunter2');
  });

  it('suggests the closest option and command', async () => {
    const option = await aisle(['get', 'postgresql', '--tagret', 'helm'], scratch());
    expect(option.code).toBe(2);
    expect(option.err).toContain('aisle get: unknown option --tagret (did you mean "--target"?)');
    expect(option.err).toContain('usage: aisle get NAME[@RANGE]');
    const command = await aisle(['serach', 'sql'], scratch());
    expect(command.code).toBe(2);
    expect(command.err).toContain('unknown command "serach" (did you mean "search"?)');
    const json = await aisle(['serach', '--json'], scratch());
    expect(JSON.parse(json.out).diagnostics[0]).toMatchObject({ code: 'USAGE', path: 'serach' });
  });

  it('takes --name=value, repeated --set, -h and --help per command, and --version', async () => {
    const cwd = scratch();
    const r = await aisle(['get', 'postgresql', '--set=database=shop', '--set', 'username=shopper', '--out=pg', '--json'], cwd);
    expect(r.code).toBe(0);
    expect(readFileSync(join(cwd, 'pg/aisle.lock'), 'utf8')).toMatch(/database: shop\n\s+username: shopper/);
    for (const flag of ['-h', '--help']) {
      const help = await aisle(['show', flag], cwd);
      expect(help.code).toBe(0);
      expect(help.out).toMatch(/^usage: aisle show NAME\[@RANGE\] \[--registry URL\]\n/);
    }
    const version = await aisle(['--version'], cwd);
    expect(version.out).toBe(`${JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).version}\n`);
    const flagWithValue = await aisle(['get', 'redis', '--force=yes'], cwd);
    expect([flagWithValue.code, flagWithValue.err]).toEqual([2, expect.stringContaining('--force takes no value')]);
    const missing = await aisle(['get', 'redis', '--out'], cwd);
    expect([missing.code, missing.err]).toEqual([2, expect.stringContaining('--out needs a value')]);
  });

  it('reports a folder it cannot write as invalid input (exit 1), not as a bug (exit 3)', async () => {
    const cwd = scratch();
    writeFileSync(join(cwd, 'taken'), 'x');
    const r = await aisle(['get', 'redis', '--out', 'taken/sub'], cwd);
    expect(r.code).toBe(1);
    expect(r.err).toContain('error: taken/sub: cannot mkdir: ENOTDIR');
  });
});

describe('one warning printer (issue 10)', () => {
  it('prints "warning:" once for a problem elsewhere in the catalog', async () => {
    const cwd = scratch();
    mkdirSync(join(cwd, 'catalog/foo/1.0.0'), { recursive: true });
    const r = await aisle(['aisles', '--catalog', 'catalog'], cwd);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: /);
    for (const line of r.err.trim().split('\n')) expect(line.match(/warning:/g)?.length, line).toBe(1);
    // Its level first, as errors print theirs, and the folder named once.
    expect(r.err).toBe('warning: catalog/foo/1.0.0: holds no component.yaml\n');
  });
});

describe('tables: a header row, aligned columns, no trailing spaces (issue 10)', () => {
  it('aisles and search', async () => {
    expect(expectTable((await aisle(['aisles'], scratch())).out, ['AISLE', 'COMPONENTS']).length).toBeGreaterThan(5);
    expect(expectTable((await aisle(['search', 'sql'], scratch())).out, ['NAME', 'VERSION', 'AISLE', 'TITLE']).map((r) => r[0])).toContain('postgresql');
  });

  it('show lists inputs like a chart README: an input with a default is not required', async () => {
    const r = await aisle(['show', 'postgresql@^16'], scratch());
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/required \(default/);
    const inputs = expectTable(r.out, ['NAME', 'TYPE', 'REQUIRED', 'DEFAULT', 'SECRET', 'DESCRIPTION']);
    const byName = Object.fromEntries(inputs.map((row) => [row[0], row]));
    expect(byName.database!.slice(1, 5)).toEqual(['string', 'no', 'app', 'no']);
    expect(byName.password!.slice(1, 5)).toEqual(['string', 'no', '(generated)', 'yes']);
    expect(expectTable(r.out.slice(r.out.indexOf('\noutputs:')), ['NAME', 'DESCRIPTION']).map((row) => row[0])).toContain('url');
  });

  it('show marks an input without a default as required', async () => {
    const inputs = expectTable((await aisle(['show', 'web-app'], scratch())).out, ['NAME', 'TYPE', 'REQUIRED', 'DEFAULT', 'SECRET', 'DESCRIPTION']);
    expect(inputs.find((row) => row[0] === 'image')!.slice(2, 4)).toEqual(['yes', '-']);
  });

  it("validate's start order", async () => {
    const rows = expectTable((await aisle(['validate', join(EXAMPLES_DIR, 'web-app.yaml')], scratch())).out, ['INSTANCE', 'COMPONENT', 'AFTER']);
    expect(rows.map((r) => [r[0], r[2]])).toEqual([
      ['cache', '-'],
      ['db', '-'],
      ['web', 'cache, db'],
    ]);
  });

  it('verify', async () => {
    const r = await aisle(['verify'], join(__dirname, '../..'));
    expect(r.code).toBe(0);
    expect(expectTable(r.out, ['COMPONENT', 'LEVEL', 'CERTIFIER', 'ISSUED']).length).toBeGreaterThan(10);
  });
});

describe('aisle get says how to connect (issue 10)', () => {
  it.each([
    ['compose', [], /\(… is postgresql\.password in pg\/\.env as POSTGRESQL_PASSWORD\)/],
    [
      'kubernetes',
      ['then: kubectl port-forward service/postgresql 5432:5432'],
      /\(… is postgresql\.password in the Secret postgresql: kubectl get secret postgresql -o jsonpath='\{\.data\.password\}' \| base64 -d\)/,
    ],
    [
      'helm',
      ['then: kubectl port-forward service/postgresql-postgresql 5432:5432'],
      /in the Secret postgresql-postgresql: kubectl get secret postgresql-postgresql/,
    ],
  ])('%s: the url output with the password as …, and where the password is', async (target, before, where) => {
    const cwd = scratch();
    const r = await aisle(['get', 'postgresql', '--set', 'database=shop', '--target', target, '--out', 'pg'], cwd);
    expect(r.code).toBe(0);
    for (const line of before) expect(r.out).toContain(`${line}\n`);
    expect(r.out).toMatch(/\nconnect: postgresql:\/\/app:…@localhost:5432\/shop /);
    expect(r.out).toMatch(where);
    if (target === 'compose') {
      const password = /POSTGRESQL_PASSWORD='?([^'\n]+)/.exec(readFileSync(join(cwd, 'pg/.env'), 'utf8'))![1]!;
      expect(`${r.out}${r.err}`).not.toContain(password);
    }
  });

  it('a component whose url holds no secret', async () => {
    const r = await aisle(['get', 'nginx'], scratch());
    expect(r.out).toMatch(/\nconnect: http:\/\/localhost:\d+/);
  });
});
