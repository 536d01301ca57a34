import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { LRUCache } from 'lru-cache';

// A NOTES.md longer than this is cut: the page shows notes, not a book.
const MAX_NOTES = 64 * 1024;
// Names and versions as the catalog writes them; anything else never reaches the disk.
const SAFE = /^[a-z][a-z0-9-]*$/;
const SAFE_VERSION = /^[0-9A-Za-z.+-]+$/;

/**
 * The NOTES.md beside a version's component.yaml in the catalog folder the service
 * ingested, read once per version. Published versions (and organizations' components)
 * carry no notes: null.
 */
export class VersionNotes {
  private readonly cache = new LRUCache<string, { text: string | null }>({ max: 500 });

  constructor(private readonly catalogDir: string | undefined) {}

  /** The notes of NAME@VERSION, or null when the catalog folder has none. */
  async of(name: string, version: string): Promise<string | null> {
    if (!this.catalogDir || !SAFE.test(name) || !SAFE_VERSION.test(version) || version.includes('..')) return null;
    const key = `${name}@${version}`;
    const cached = this.cache.get(key);
    if (cached) return cached.text;
    const root = resolve(this.catalogDir);
    const file = join(root, name, version, 'NOTES.md');
    let text: string | null = null;
    if (file.startsWith(root + sep)) {
      try {
        text = (await readFile(file, 'utf8')).slice(0, MAX_NOTES);
      } catch {
        text = null;
      }
    }
    this.cache.set(key, { text });
    return text;
  }
}
