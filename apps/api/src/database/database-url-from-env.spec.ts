import { describe, expect, it } from 'vitest';
import { databaseUrlFromEnv } from './database-options.js';

describe('databaseUrlFromEnv', () => {
  it.each<[string | undefined, string]>([
    [undefined, '/srv/app/data/aisle.sqlite'],
    ['', '/srv/app/data/aisle.sqlite'],
    ['db/my.sqlite', '/srv/app/db/my.sqlite'],
    ['/var/lib/aisle.sqlite', '/var/lib/aisle.sqlite'],
    ['postgres://postgres@127.0.0.1:5432/test', 'postgres://postgres@127.0.0.1:5432/test'],
    ['postgresql://u@h/db', 'postgresql://u@h/db'],
  ])('DATABASE_URL=%j → %s', (url, expected) => {
    expect(databaseUrlFromEnv({ DATABASE_URL: url }, '/srv/app')).toBe(expected);
  });
});
