import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './main.js';

async function show(env: Record<string, string>) {
  const out: string[] = [];
  const io = { out: (t: string) => void out.push(t), err: () => undefined, cwd: join(__dirname, '../../..'), env };
  expect(await run(['show', 'postgresql@^16', '--json'], io)).toBe(0);
  return JSON.parse(out.join('')).result.certification;
}

describe('catalogVerifier', () => {
  it('checks the shipped catalog against the project trust store', async () => {
    expect(await show({})).toMatchObject({ level: 'certified', verified: true, certifier: 'library-certifier' });
  });

  it('AISLE_TRUST_DIR replaces the trust store: a key it lacks leaves versions uncertified, with the reason', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'aisle-empty-trust-'));
    const status = await show({ AISLE_TRUST_DIR: empty });
    expect(status).toMatchObject({ level: 'uncertified', verified: false });
    expect(status.reason).toMatch(/^signed by key sha256:[0-9a-f]{64}, which is not in the trust store$/);
  });
});
