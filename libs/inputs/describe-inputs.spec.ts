import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseManifest } from '../manifest/index.js';
import { describeInputs } from './describe-inputs.js';

describe('describeInputs', () => {
  it('lists required inputs first and hides nothing but secret defaults', () => {
    const manifest = parseManifest(readFileSync(join(__dirname, '../manifest/testdata/minimal.component.yaml'), 'utf8')).value!;
    expect(describeInputs(manifest)).toEqual([
      {
        name: 'database',
        type: 'string',
        required: true,
        secret: false,
        generated: false,
        description: 'Database name.',
        default: 'app',
        pattern: '^[a-z_]+$',
      },
      { name: 'password', type: 'string', required: false, secret: true, generated: true, description: 'A secret.', minLength: 12 },
      { name: 'port', type: 'integer', required: false, secret: false, generated: false, description: 'Port.', default: 5432, minimum: 1, maximum: 65535 },
    ]);
  });
});
