import { error, type Diagnostic } from '../../../../libs/diagnostics/index.js';
import type { Target } from '../../../../libs/render/index.js';
import { ARCHIVE_FORMATS, type ArchiveFormat } from './bundle-archive.js';

const TARGETS: readonly Target[] = ['compose', 'kubernetes', 'helm'];

/** What POST /bundle asks for: an app spec (YAML or JSON text), a target and an archive format. */
export interface BundleRequest {
  app: string;
  target: Target;
  format: ArchiveFormat;
}

/** Reads the JSON body of a download request; problems name the field at fault. */
export function parseBundleRequest(body: unknown): { value?: BundleRequest; problems: Diagnostic[] } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { problems: [error('INPUT_INVALID', 'body', 'the request body must be a JSON object with app, target and format')] };
  }
  const { app, target = 'compose', format = 'zip' } = body as Record<string, unknown>;
  const problems: Diagnostic[] = [];
  if (typeof app !== 'string' || app.trim() === '') problems.push(error('INPUT_REQUIRED', 'app', 'the app spec is missing: send it as YAML or JSON text'));
  if (typeof target !== 'string' || !TARGETS.includes(target as Target)) {
    problems.push(error('INPUT_INVALID', 'target', `the target must be one of ${TARGETS.join(', ')}`));
  }
  if (typeof format !== 'string' || !ARCHIVE_FORMATS.includes(format as ArchiveFormat)) {
    problems.push(error('INPUT_INVALID', 'format', `the format must be one of ${ARCHIVE_FORMATS.join(', ')}`));
  }
  if (problems.length > 0) return { problems };
  return { value: { app: app as string, target: target as Target, format: format as ArchiveFormat }, problems };
}
