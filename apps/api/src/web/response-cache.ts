import { Kind, type DocumentNode } from 'graphql';
import { LRUCache } from 'lru-cache';
import { measureJson } from '../common/measure-json.js';
import { REQUEST_LIMITS } from '../common/request-limits.js';

/** Root fields whose answers depend only on the public catalog (and so on its generation). */
const CACHEABLE_ROOT_FIELDS = new Set(['aisles', 'components', 'component', '__typename']);
const MAX_ENTRIES = 1000;
const MAX_KEY_LENGTH = 8 * 1024;
const MAX_VARIABLES_DEPTH = REQUEST_LIMITS.nesting;

interface Entry {
  generation: number;
  body: Buffer;
}

/**
 * Answers of anonymous browse queries, by query text and variables, each stamped with
 * the catalog generation it was computed at. An entry is served only while the
 * database still holds that generation, so every instance sees every write at once.
 * Bounded in entries and in bytes (lru-cache); the least recently used entry goes first.
 */
export class ResponseCache {
  /** Bytes of keys and answers held at most: a thousand large answers must not grow the heap without end. */
  static readonly MAX_BYTES = 64 * 1024 * 1024;
  private readonly entries = new LRUCache<string, Entry>({
    max: MAX_ENTRIES,
    maxSize: ResponseCache.MAX_BYTES,
    sizeCalculation: (entry, key) => entry.body.length + key.length,
  });

  /**
   * The key of a request body, or undefined when it should not be cached. The key is the
   * JSON text of what runs, so it must read back as exactly that: variables holding a
   * number JSON cannot carry (Infinity prints as null) have none; the request guard
   * refuses them before this is asked, this only makes sure.
   */
  keyOf(body: unknown): string | undefined {
    if (typeof body !== 'object' || body === null) return undefined;
    const { query, variables, operationName } = body as Record<string, unknown>;
    if (typeof query !== 'string') return undefined;
    const measure = measureJson(variables ?? null, { maxDepth: MAX_VARIABLES_DEPTH, maxValues: MAX_KEY_LENGTH });
    if (measure.stoppedAt !== undefined || measure.infiniteAt !== undefined || query.length + measure.length > MAX_KEY_LENGTH) return undefined;
    const key = JSON.stringify([query, variables ?? null, operationName ?? null]);
    return key.length <= MAX_KEY_LENGTH ? key : undefined;
  }

  /** The cached answer for a key at this generation. */
  get(key: string, generation: number): Buffer | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.generation !== generation) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.body;
  }

  /** Keeps an answer computed at a generation. */
  set(key: string, generation: number, body: Buffer): void {
    this.entries.set(key, { generation, body });
  }

  /** True when a document reads only the public catalog: no mutation, no compose, no validateInputs. */
  static isCacheable(document: DocumentNode): boolean {
    return document.definitions.every(
      (d) =>
        d.kind === Kind.FRAGMENT_DEFINITION ||
        (d.kind === Kind.OPERATION_DEFINITION &&
          d.operation === 'query' &&
          d.selectionSet.selections.every((s) => s.kind === Kind.FIELD && CACHEABLE_ROOT_FIELDS.has(s.name.value))),
    );
  }
}
