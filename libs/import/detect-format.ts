import { error, type Diagnostic } from '../diagnostics/index.js';
import { FORMAT_TITLES, IMPORT_FORMATS, type ImportFormat } from './imported-app.js';
import { asArray, asObject } from './source-helpers.js';

/** What marks each format, said to a person. */
const MARKS: Record<ImportFormat, string> = {
  compose: 'a services: mapping',
  openshift: 'kind: Template',
  caprover: 'captainVersion: 4',
  portainer: 'a templates: list (with version "2" or "3")',
  nulecule: 'specversion: and a graph: list',
};

/** The format a parsed document is in, told by what it holds; undefined when it is in none. */
export function detectFormat(value: unknown): ImportFormat | undefined {
  const doc = asObject(value);
  if (!doc) return undefined;
  if (doc.kind === 'Template') return 'openshift';
  if (doc.captainVersion !== undefined) return 'caprover';
  if (Array.isArray(doc.templates)) return 'portainer';
  if (doc.specversion !== undefined && Array.isArray(doc.graph)) return 'nulecule';
  if (asObject(doc.services)) return 'compose';
  return undefined;
}

/** Problems that stop a document from being read as `format`: it must carry that format's mark. */
export function checkFormat(value: unknown, format: ImportFormat | undefined, file: string): Diagnostic[] {
  const detected = detectFormat(value);
  if (format === undefined) {
    if (detected) return [];
    const tried = IMPORT_FORMATS.map((f) => `${FORMAT_TITLES[f]} (${MARKS[f]})`).join(', ');
    return [error('IMPORT_FORMAT_UNKNOWN', file, `is in none of the formats aisle import reads; tried ${tried}`, { file, line: 1 })];
  }
  const doc = asObject(value);
  const fits =
    format === 'compose'
      ? asObject(doc?.services) !== undefined
      : format === 'openshift'
        ? doc?.kind === 'Template' && asArray(doc.objects).length > 0
        : format === 'caprover'
          ? doc?.captainVersion !== undefined && asObject(doc.services) !== undefined
          : format === 'portainer'
            ? Array.isArray(doc?.templates)
            : doc?.specversion !== undefined && Array.isArray(doc.graph);
  if (fits) return [];
  const hint = detected && detected !== format ? `; it looks like a ${FORMAT_TITLES[detected]} (--format ${detected})` : '';
  return [error('IMPORT_INVALID', file, `is not a ${FORMAT_TITLES[format]}: it lacks ${MARKS[format]}${hint}`, { file, line: 1 })];
}
