/** An image reference split as a manifest declares it, the repository with its registry spelled out. */
export interface ImageParts {
  repository: string;
  tag: string;
  digest?: string;
}

const REPOSITORY = /^[a-z0-9]+([._-][a-z0-9]+)*(\.[a-z0-9-]+)*(:[0-9]+)?(\/[a-z0-9]+([._-]+[a-z0-9]+)*)+$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const MOVING = new Set(['latest', 'stable', 'mainline', 'lts']);

/** `postgres:16` → docker.io/library/postgres, 16. Undefined when the reference cannot be pinned as written (no tag, a moving tag, unreadable). */
export function parseImage(reference: string): ImageParts | undefined {
  const [named, digest] = reference.trim().split('@') as [string, string | undefined];
  const slash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  const tag = colon > slash ? named.slice(colon + 1) : undefined;
  const repository = normalizeRepository(colon > slash ? named.slice(0, colon) : named);
  if (!tag || !TAG.test(tag) || MOVING.has(tag) || !REPOSITORY.test(repository)) return undefined;
  if (digest !== undefined && !/^sha256:[a-f0-9]{64}$/.test(digest)) return undefined;
  return { repository, tag, ...(digest ? { digest } : {}) };
}

/** A repository with Docker Hub's implied registry and `library/` spelled out, lower-cased. */
export function normalizeRepository(repository: string): string {
  const lower = repository.toLowerCase();
  const first = lower.split('/')[0]!;
  const hasRegistry = lower.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (hasRegistry) return lower;
  return lower.includes('/') ? `docker.io/${lower}` : `docker.io/library/${lower}`;
}
