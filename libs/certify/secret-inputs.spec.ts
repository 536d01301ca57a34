import { describe, expect, it } from 'vitest';
import { looksSecret } from './secret-inputs.js';

describe('looksSecret', () => {
  it.each(['password', 'rootPassword', 'adminToken', 'apiKey', 'masterKey', 'secretKey', 'clientSecret', 'dbPass', 'passphrase', 'credentials'])(
    '%s looks secret',
    (name) => {
      expect(looksSecret(name)).toBe(true);
    },
  );

  it.each(['username', 'database', 'keyspace', 'monkey', 'passengers', 'storageSize', 'maxKeys', 'tokenizer'])('%s does not', (name) => {
    expect(looksSecret(name)).toBe(false);
  });
});
