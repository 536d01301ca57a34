import type { DiagnosticCode } from '../diagnostics/index.js';
import { parseTemplate, type ParsedTemplate, type TemplateFilter } from '../manifest/index.js';
import type { ResolvedValue, ValuePart } from './resolved-app.js';
import { LRUCache } from 'lru-cache';

/** Why a reference could not be resolved; `silent` when another diagnostic already explains it. */
export type ReferenceProblem = { code: DiagnosticCode; message: string } | { silent: true };

/** Resolves one `${{ … }}` reference to its (unfiltered) value and parts. */
export type ReferenceResolver = (ref: string[], source: string) => ResolvedValue | ReferenceProblem;

export interface EvaluatedTemplate {
  /** Absent when a reference failed. */
  value?: ResolvedValue;
  problems: Array<{ code: DiagnosticCode; message: string }>;
}

/**
 * Substitutes every reference in a template through `resolve`, applies filters, and
 * keeps the parts so a renderer can rebuild the value at deploy time.
 */
export function evaluateTemplate(template: string, resolve: ReferenceResolver): EvaluatedTemplate {
  const parsed = parsedTemplate(template);
  const problems: EvaluatedTemplate['problems'] = parsed.errors.map((message) => ({ code: 'TEMPLATE_INVALID', message }));
  const parts: ValuePart[] = [];
  let value = '';
  let secret = false;
  let failed = problems.length > 0;
  for (const segment of parsed.segments) {
    if (segment.kind === 'text') {
      pushPart(parts, { kind: 'text', text: segment.text });
      value += segment.text;
      continue;
    }
    const resolved = resolve(segment.ref, segment.source);
    if (!('parts' in resolved)) {
      failed = true;
      if (!('silent' in resolved)) problems.push(resolved);
      continue;
    }
    secret ||= resolved.secret;
    // encodeURIComponent works character by character, so filtering the whole equals filtering each part.
    value += applyFilters(resolved.value, segment.filters);
    for (const part of resolved.parts) pushPart(parts, filterPart(part, segment.filters));
  }
  if (failed) return { problems };
  return { value: { value, secret, parts }, problems };
}

const MAX_CACHED_TEMPLATES = 20_000;
const parsedTemplates = new LRUCache<string, ParsedTemplate>({ max: MAX_CACHED_TEMPLATES });

/**
 * parseTemplate, remembered: the same manifest templates come back for every instance
 * of a component, and parsing them again dominated composing large apps.
 */
export function parsedTemplate(template: string): ParsedTemplate {
  let parsed = parsedTemplates.get(template);
  if (!parsed) {
    parsed = parseTemplate(template);
    parsedTemplates.set(template, parsed);
  }
  return parsed;
}

/** A plain value with no references (an integer output, a literal). */
export function literalValue(text: string): ResolvedValue {
  return { value: text, secret: false, parts: text === '' ? [] : [{ kind: 'text', text }] };
}

/** Applies template filters to text; total: no text makes it throw. */
export function applyFilters(text: string, filters: readonly TemplateFilter[]): string {
  let out = text;
  // encodeURIComponent throws on a lone surrogate. Validation refuses such values, but
  // composition still evaluates templates to report every problem at once; U+FFFD stands in.
  for (const filter of filters) if (filter === 'urlencode') out = encodeURIComponent(out.toWellFormed());
  return out;
}

function filterPart(part: ValuePart, filters: readonly TemplateFilter[]): ValuePart {
  if (filters.length === 0) return part;
  switch (part.kind) {
    case 'text':
      return { kind: 'text', text: applyFilters(part.text, filters) };
    case 'input':
      return { ...part, filters: [...part.filters, ...filters] };
    default:
      // Instance names are DNS labels: every filter leaves them unchanged.
      return part;
  }
}

function pushPart(parts: ValuePart[], part: ValuePart): void {
  const last = parts[parts.length - 1];
  if (part.kind === 'text') {
    if (part.text === '') return;
    if (last?.kind === 'text') {
      parts[parts.length - 1] = { kind: 'text', text: last.text + part.text };
      return;
    }
  }
  parts.push(part);
}
