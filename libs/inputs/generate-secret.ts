import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { MAX_GENERATED_SECRET_LENGTH, type InputProperty, type SecretGenerator } from '../manifest/index.js';

export { MAX_GENERATED_SECRET_LENGTH };

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const DEFAULT_PASSWORD_LENGTH = 24;
const DEFAULT_HEX_LENGTH = 64;

/**
 * A fresh secret from the operating system's cryptographic random source, shaped by
 * the input's rule and within its length bounds, never longer than
 * MAX_GENERATED_SECRET_LENGTH (a stored manifest may ask for more; validation then says so).
 * Passwords are alphanumeric so they survive URLs, shells and config files unescaped.
 */
export function generateSecret(generator: SecretGenerator, property: Pick<InputProperty, 'minLength' | 'maxLength'> = {}): string {
  const bound = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
  const length = (fallback: number) =>
    Math.max(
      0,
      Math.min(Math.max(fallback, bound(property.minLength, 0)), bound(property.maxLength, MAX_GENERATED_SECRET_LENGTH), MAX_GENERATED_SECRET_LENGTH),
    );
  switch (generator) {
    case 'password': {
      const n = length(DEFAULT_PASSWORD_LENGTH);
      let out = '';
      for (let i = 0; i < n; i++) out += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
      return out;
    }
    case 'hex':
      return randomBytes(Math.ceil(length(DEFAULT_HEX_LENGTH) / 2))
        .toString('hex')
        .slice(0, length(DEFAULT_HEX_LENGTH));
    case 'base64url':
      // 16 bytes: the shape of a UUID in base64url, as Kafka's cluster id expects.
      return randomBytes(16).toString('base64url');
    case 'uuid':
      return randomUUID();
  }
}
