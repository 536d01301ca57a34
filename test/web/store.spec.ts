import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dockerComposeConfig } from '../bundles/compose-checks.js';
import { derivedManifest, shippedManifest } from '../api/support/fixture-catalog.js';
import { ROOT, startTestServer, type TestServer } from '../api/support/test-server.js';
import { launchChromium, screenshots, storeCatalog, tabTo, XSS } from './support/store-fixture.js';
import { unzipText, untar, writeFolder } from './support/unpack.js';

const PRIVATE = 'acme/vault';

describe('the store in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  let acme: string;
  const catalog = storeCatalog();
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await startTestServer('sqlite', { catalogDir: catalog.dir });
    browser = await launchChromium();
    acme = await t.token('acme', ['publish']);
    const m = derivedManifest(shippedManifest('postgresql', '16.10.0'), { name: PRIVATE, version: '1.0.0', aisle: 'secrets' });
    const r = await t.gql('mutation P($m: String!) { publishComponent(manifest: $m, visibility: PRIVATE) { created } }', { m: stringify(m) }, acme);
    expect(r.body.data.publishComponent.created).toBe(true);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    catalog.remove();
  });

  /** A fresh browser tab at a path of the store, recording script errors, dialogs and requests to anywhere else. */
  async function open(path: string): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1440, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`script error: ${e.message}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    page.on('request', (r) => {
      if (!r.url().startsWith(`${t.url}/`) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) problems.push(`request elsewhere: ${r.url()}`);
    });
    await page.goto(`${t.url}${path}`);
    return { page, problems };
  }

  async function saved(download: Promise<import('playwright-core').Download>): Promise<string> {
    const d = await download;
    const file = join(tmpdir(), `aisle-store-${process.pid}-${Date.now()}-${d.suggestedFilename()}`);
    await d.saveAs(file);
    return file;
  }

  it('1. search postgres, open PostgreSQL, see the problem at the field, fix it, download Compose: docker-compose accepts it', async () => {
    const { page, problems } = await open('/');
    await page.getByLabel('Search components').fill('postgres');
    await page.getByRole('link', { name: 'PostgreSQL 18', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'PostgreSQL 18', exact: true }).waitFor();
    const database = page.getByLabel(/^database/);
    await database.fill('9 bad-name');
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: /^Download/ }).click();
    const problem = page.locator('#input-database-problem');
    await problem.waitFor();
    const message = await problem.innerText();
    expect(message.length).toBeGreaterThan(0);
    // A sentence for a person, never the pattern itself.
    expect(message).not.toContain('^[a-zA-Z_]');
    expect(message).not.toMatch(/[\^$\\{}[\]]/);
    expect(await database.getAttribute('aria-invalid')).toBe('true');
    expect(downloads).toBe(0);

    await database.fill('shop_db');
    await page.getByLabel('Docker Compose').check();
    await expect.poll(() => problem.count()).toBe(0);
    const file = await saved(Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download/ }).click()]).then(([d]) => d));
    const dir = writeFolder(unzipText(readFileSync(file)));
    const env = readFileSync(join(dir, '.env'), 'utf8');
    const password = /^POSTGRESQL_PASSWORD='([^']{12,})'$/m.exec(env)?.[1];
    expect(password).toBeDefined();
    const { config } = dockerComposeConfig(dir);
    expect(config.services.postgresql.environment.POSTGRES_DB).toBe('shop_db');
    expect(config.services.postgresql.environment.POSTGRES_PASSWORD).toBe(password);
    expect(problems).toEqual([]);
  }, 90_000);

  it('2. builds a web app wired to a database, shows a cycle at its wire, downloads app.yaml and a Kubernetes bundle that kubectl kustomize builds', async () => {
    const { page, problems } = await open('/app');
    const instance = (name: string) => page.locator('fieldset.instance').filter({ has: page.locator('legend', { hasText: new RegExp(`^${name} `) }) });
    for (const component of ['web-app', 'postgresql']) {
      await page.getByLabel('Component to add').selectOption(component);
      await page.getByRole('button', { name: 'Add to app' }).click();
      await instance(component).waitFor();
    }
    await instance('web-app')
      .getByLabel(/^image/)
      .fill('docker.io/traefik/whoami:v1.10');
    await page.getByRole('button', { name: 'Add wiring to web-app' }).click();
    await instance('web-app').getByLabel('Variable name').fill('DATABASE_URL');
    await instance('web-app').getByLabel('from output').selectOption('postgresql.url');
    // A wire back from the database to the web app closes a cycle: the error shows in place.
    await page.getByRole('button', { name: 'Add wiring to postgresql' }).click();
    await instance('postgresql').getByLabel('Variable name').fill('APP_URL');
    await instance('postgresql').getByLabel('from output').selectOption('web-app.url');
    await expect.poll(() => page.locator('.wires .problem').allInnerTexts(), { timeout: 15_000 }).toEqual([expect.stringMatching(/cycle/)]);
    await instance('postgresql').getByRole('button', { name: 'Remove wire 1' }).click();
    await expect.poll(() => page.locator('.problem').count(), { timeout: 15_000 }).toBe(0);

    const spec = readFileSync(
      await saved(Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download app.yaml' }).click()]).then(([d]) => d)),
      'utf8',
    );
    expect(parse(spec).instances['web-app'].env).toEqual({ DATABASE_URL: '${{ postgresql.url }}' });
    const specFile = join(tmpdir(), `aisle-store-app-${process.pid}.yaml`);
    writeFileSync(specFile, spec);
    execFileSync('node', [join(ROOT, 'bin', 'aisle.js'), 'validate', specFile], { encoding: 'utf8' });

    await page.getByLabel('Kubernetes').check();
    await page.getByLabel('Archive').selectOption('tar.gz');
    const dir = untar(
      await saved(Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download bundle' }).click()]).then(([d]) => d)),
    );
    const built = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(built).toContain('kind: StatefulSet');
    expect(built).toContain('name: DATABASE_URL');
    expect(problems).toEqual([]);
  }, 90_000);

  it('2b. a new instance opens without complaints about fields nobody has filled yet; trying to download shows what is missing, in place', async () => {
    const { page, problems } = await open('/app');
    const instance = page.locator('fieldset.instance');
    await page.getByLabel('Component to add').selectOption('web-app');
    const checked = page.waitForResponse(
      async (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('ComposePreview') && (await r.text()).includes('INPUT_REQUIRED'),
    );
    await page.getByRole('button', { name: 'Add to app' }).click();
    await instance.waitFor();
    // The live check has answered (web-app's image is required and empty), and nothing is shown for it.
    await checked;
    await page.waitForTimeout(200);
    expect(await page.locator('.problem, .problems li').count()).toBe(0);

    await page.getByRole('button', { name: 'Download bundle' }).click();
    await expect.poll(() => instance.locator('.problem').allInnerTexts(), { timeout: 15_000 }).toEqual([expect.stringMatching(/required/)]);
    await instance.getByLabel(/^image/).fill('docker.io/traefik/whoami:v1.10');
    await expect.poll(() => page.locator('.problem').count(), { timeout: 15_000 }).toBe(0);
    expect(problems).toEqual([]);
  });

  it('2c. the inputs table calls an input required only when someone must give it, as `aisle show` does', async () => {
    const { page, problems } = await open('/components/postgresql');
    const requiredOf = (name: string) =>
      page.locator('tr', { has: page.locator('th', { hasText: new RegExp(`^${name}$`) }) }).locator('td[data-label="Required"]');
    await requiredOf('database').waitFor();
    // In the schema's required list, but defaulted (database) or generated (password): nobody has to give them.
    expect(await requiredOf('database').innerText()).toBe('no');
    expect(await requiredOf('password').innerText()).toBe('no');
    await page.goto(`${t.url}/components/web-app`);
    await requiredOf('image').waitFor();
    expect(await requiredOf('image').innerText()).toBe('yes');
    expect(problems).toEqual([]);
  });

  it('3. keyboard only: search, open PostgreSQL, fill the form and download without a mouse', async () => {
    const { page, problems } = await open('/');
    await tabTo(page, '#search');
    await page.keyboard.type('postgres');
    await page.locator('a[href="/components/postgresql"]').waitFor();
    await tabTo(page, 'a[href="/components/postgresql"]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'PostgreSQL 18', exact: true }).waitFor();
    await tabTo(page, '#input-database');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('keyboard_db');
    await tabTo(page, 'form.get-it button[type=submit]');
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const file = join(tmpdir(), `aisle-store-kbd-${process.pid}.zip`);
    await download.saveAs(file);
    expect(unzipText(readFileSync(file)).get('compose.yaml')).toContain('POSTGRES_DB: keyboard_db');
    expect(problems).toEqual([]);
  }, 90_000);

  it('4. axe-core finds nothing on the home, component and app-builder pages, and none is wider than 375 px (screenshots at 1440 and 375 px in test-output/store)', async () => {
    const pages: Array<[string, string, (page: Page) => Promise<void>]> = [
      ['home', '/', (page) => page.locator('.card').first().waitFor()],
      ['component', '/components/postgresql', (page) => page.locator('#input-database').waitFor()],
      [
        'app-builder',
        '/app',
        async (page) => {
          await page.getByLabel('Component to add').selectOption('web-app');
          await page.getByRole('button', { name: 'Add to app' }).click();
          await page.getByRole('button', { name: 'Add wiring to web-app' }).click();
        },
      ],
    ];
    for (const [name, path, ready] of pages) {
      const { page, problems } = await open(path);
      await ready(page);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${name}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      for (const width of [1440, 375]) {
        await page.setViewportSize({ width, height: 900 });
        // Readable at this width: nothing wider than the window.
        expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      }
      await screenshots(page, name);
      if (name === 'component' && process.env.UPDATE_SCREENSHOTS) {
        mkdirSync(join(ROOT, 'docs'), { recursive: true });
        await page.screenshot({ path: join(ROOT, 'docs', 'store.png') });
      }
      expect(problems).toEqual([]);
    }
  }, 120_000);

  it('5. HTML in a description or NOTES.md shows as text and never runs', async () => {
    const { page, problems } = await open('/');
    await page.getByLabel('Search components').fill('xss');
    const card = page.locator('.card', { hasText: 'xss-demo' });
    await expect.poll(() => card.locator('.description').innerText()).toBe(`A cache. ${XSS}`);
    await card.getByRole('link').click();
    await page.locator('.notes').waitFor();
    expect(await page.locator('.component > .description').innerText()).toBe(`A cache. ${XSS}`);
    const notes = await page.locator('.notes').innerText();
    expect(notes).toContain(XSS);
    expect(notes).toContain('<script>alert(2)</script>');
    expect(await page.locator('img, script:not([src]), iframe').count()).toBe(0);
    expect(await page.locator('.notes a[href^="javascript"]').count()).toBe(0);
    expect(problems).toEqual([]);
  }, 60_000);

  it('6. with a token pasted once, the organization’s private component appears, marked private; without it, it does not exist', async () => {
    const { page, problems } = await open(`/components/${PRIVATE}`);
    await page.getByRole('heading', { level: 1, name: `No component named ${PRIVATE}` }).waitFor();
    await page.getByLabel('Organization token').fill(acme);
    await page.getByRole('button', { name: 'Use token' }).click();
    await page.getByRole('status').filter({ hasText: 'Signed in as acme' }).waitFor();
    await page.locator('.component .badge.private').waitFor();
    // Kept for the session: a reload still shows it; a new session does not.
    await page.reload();
    await page.locator('.component .badge.private').waitFor();
    expect(await page.evaluate<number>('Object.keys(localStorage).length')).toBe(0);
    const other = await open('/');
    await other.page.getByLabel('Search components').fill('vault');
    // The public catalog's one match (OpenBao, a Vault fork) shows; the private component does not.
    await other.page.getByRole('status').filter({ hasText: '1 of 1 shown' }).waitFor();
    await other.page.locator('a[href="/components/openbao"]').waitFor();
    expect(await other.page.locator(`a[href="/components/${PRIVATE}"]`).count()).toBe(0);
    expect([...problems, ...other.problems]).toEqual([]);
  }, 60_000);
});
