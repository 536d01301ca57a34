import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureCatalog, removeFixtures } from './support/fixture-catalog.js';
import { startTestServer, type TestServer } from './support/test-server.js';
import { launchChromium } from '../web/support/store-fixture.js';

afterAll(removeFixtures);
describe('the GraphQL IDE in a real browser', () => {
  let t: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    const fixture = fixtureCatalog();
    t = await startTestServer('sqlite', { catalogDir: fixture.catalogDir, trustDir: fixture.trustDir });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('loads from this server only and runs { aisles { name } }', async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    const response = await page.goto(`${t.url}/graphql`);
    expect(response?.status()).toBe(200);
    const editor = page.locator('.graphiql-query-editor .CodeMirror').first();
    await editor.waitFor({ timeout: 20_000 });
    // Replace the default query through CodeMirror itself, as typing would.
    await page.evaluate("document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror.setValue('{ aisles { name } }')");
    const answered = page.waitForResponse(
      (r) => r.url() === `${t.url}/graphql` && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('aisles'),
    );
    await page.locator('.graphiql-execute-button').click();
    expect((await answered).status()).toBe(200);
    const result = page.locator('.graphiql-response .CodeMirror');
    await expect.poll(async () => result.innerText(), { timeout: 10_000 }).toContain('"database"');
    expect(await result.innerText()).toContain('"aisles"');
    expect(failures).toEqual([]);
    const elsewhere = requested.filter((u) => !u.startsWith(`${t.url}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(elsewhere).toEqual([]);
    expect(requested.some((u) => u.endsWith('/ide/graphiql.min.js'))).toBe(true);
    await page.close();
  });
});
