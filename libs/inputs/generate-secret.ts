import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { InputProperty, SecretGenerator } from '../manifest/index.js';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const DEFAULT_PASSWORD_LENGTH = 24;
const DEFAULT_HEX_LENGTH = 64;

/**
 * A fresh secret from the operating system's cryptographic random source, shaped by
 * the input's rule and within its length bounds. Passwords are alphanumeric so they
 * survive URLs, shells and config files unescaped.
 */
export function generateSecret(generator: SecretGenerator, property: Pick<InputProperty, 'minLength' | 'maxLength'> = {}): string {
  const length = (fallback: number) => Math.min(Math.max(fallback, property.minLength ?? 0), property.maxLength ?? Number.MAX_SAFE_INTEGER);
  switch (generator) {
    case 'password': {
      const n = length(DEFAULT_PASSWORD_LENGTH);
      let out = '';
      for (let i = 0; i < n; i++) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
      return out;
    }
    case 'hex':
      return randomBytes(Math.ceil(length(DEFAULT_HEX_LENGTH) / 2)).toString('hex').slice(0, length(DEFAULT_HEX_LENGTH));
    case 'base64url':
      // 16 bytes: the shape of a UUID in base64url, as Kafka's cluster id expects.
      return randomBytes(16).toString('base64url');
    case 'uuid':
      return randomUUID();
  }
}
