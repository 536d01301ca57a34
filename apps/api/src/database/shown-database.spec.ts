import { describe, expect, it } from 'vitest';
import { shownDatabase } from './shown-database.js';

describe('shownDatabase', () => {
  it('shows a SQLite file relative to the working folder when inside it, else absolute', () => {
    expect(shownDatabase('/w/data/aisle.sqlite', '/w')).toBe('./data/aisle.sqlite');
    expect(shownDatabase('/elsewhere/a.sqlite', '/w')).toBe('/elsewhere/a.sqlite');
  });

  it('never shows a PostgreSQL password, in the URL or as a parameter', () => {
    const shown = shownDatabase('postgres://app:s3cret@db:5432/aisle?sslmode=require&PASSWORD=s3cret2', '/w');
    expect(shown).toBe('postgres://app@db:5432/aisle?sslmode=require');
    expect(shownDatabase('postgres://app:s3cret@[bad', '/w')).toBe('postgres://…');
  });
});
