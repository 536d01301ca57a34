import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { stringify } from 'yaml';
import { derivedManifest, shippedManifest } from '../../api/support/fixture-catalog.js';
import { ROOT } from '../../api/support/test-server.js';

/**
 * Debian's chromium (apt-get install chromium; .ci/run installs it), driven by playwright-core: never a downloaded
 * browser. Its path and flags are in chromium-launch.json, which bench/store.js reads too.
 */
const LAUNCH = JSON.parse(readFileSync(join(__dirname, 'chromium-launch.json'), 'utf8')) as { executablePath: string; args: string[] };
export const CHROMIUM = LAUNCH.executablePath;

/** What a publisher could write to attack the page: it must show as text. */
export const XSS = '<img src=x onerror=alert(1)>';

/** Where the tests write their screenshots (git-ignored). */
export const SCREENSHOTS = join(ROOT, 'test-output', 'store');

/** Starts Debian's Chromium headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(LAUNCH);
}

/**
 * The shipped catalog, copied, plus `xss-demo` 1.0.0: a component whose description and
 * NOTES.md hold HTML that would run if the page rendered it.
 */
export function storeCatalog(): { dir: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'aisle-store-'));
  const dir = join(root, 'catalog');
  cpSync(join(ROOT, 'catalog'), dir, { recursive: true });
  const m = derivedManifest(shippedManifest('redis', '8.2.1'), { name: 'xss-demo', version: '1.0.0', description: `A cache. ${XSS}` });
  mkdirSync(join(dir, 'xss-demo', '1.0.0'), { recursive: true });
  writeFileSync(join(dir, 'xss-demo', '1.0.0', 'component.yaml'), stringify(m));
  writeFileSync(
    join(dir, 'xss-demo', '1.0.0', 'NOTES.md'),
    `# XSS demo\n\nInline ${XSS} and a block:\n\n${XSS}\n\n<script>alert(2)</script>\n\n[a link](javascript:alert(3))\n`,
  );
  return { dir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** Presses Tab until the focused element matches the selector (keyboard only, as a user without a mouse). */
export async function tabTo(page: Page, selector: string, limit = 80): Promise<void> {
  for (let n = 0; n < limit; n++) {
    if (await page.evaluate<boolean>(`document.activeElement?.matches(${JSON.stringify(selector)}) ?? false`)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Screenshots of the page at 1440 and 375 px wide, under test-output/store/. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const width of [1440, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}
