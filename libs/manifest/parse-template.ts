/**
 * Templates are text with `${{ ref }}` expressions, where ref is a dotted name
 * (`inputs.password`, `host`, `db.url`) optionally followed by filters
 * (`| urlencode`). The doubled brace keeps them apart from Compose's `${VAR}`;
 * `$${{` is a literal `${{`.
 */
export type TemplateSegment = { kind: 'text'; text: string } | { kind: 'ref'; ref: string[]; filters: TemplateFilter[]; source: string };

export const TEMPLATE_FILTERS = ['urlencode'] as const;
export type TemplateFilter = (typeof TEMPLATE_FILTERS)[number];

export interface ParsedTemplate {
  segments: TemplateSegment[];
  errors: string[];
}

const EXPRESSION = /^\s*([A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*)\s*((?:\|\s*[a-z]+\s*)*)$/;

/** Splits a template into text and references; malformed expressions are reported, not thrown. */
export function parseTemplate(template: string): ParsedTemplate {
  const segments: TemplateSegment[] = [];
  const errors: string[] = [];
  let text = '';
  let i = 0;
  while (i < template.length) {
    if (template.startsWith('$${{', i)) {
      text += '${{';
      i += 4;
      continue;
    }
    if (!template.startsWith('${{', i)) {
      text += template[i];
      i += 1;
      continue;
    }
    const end = template.indexOf('}}', i + 3);
    if (end < 0) {
      errors.push(`unclosed "\${{" at character ${i + 1}`);
      text += template.slice(i);
      break;
    }
    const source = template.slice(i, end + 2);
    const match = EXPRESSION.exec(template.slice(i + 3, end));
    if (!match) {
      // The text itself is not quoted back: in an app spec it may be (part of) a secret.
      errors.push(`the expression at character ${i + 1} is not a reference like \${{ name.output }}`);
    } else {
      const filters = (match[2] ?? '')
        .split('|')
        .map((f) => f.trim())
        .filter((f) => f !== '');
      const unknown = filters.filter((f) => !(TEMPLATE_FILTERS as readonly string[]).includes(f));
      if (unknown.length > 0) errors.push(`the expression at character ${i + 1} uses an unknown filter (known: ${TEMPLATE_FILTERS.join(', ')})`);
      if (text) segments.push({ kind: 'text', text });
      text = '';
      segments.push({ kind: 'ref', ref: match[1]!.split('.'), filters: filters as TemplateFilter[], source });
    }
    i = end + 2;
  }
  if (text) segments.push({ kind: 'text', text });
  return { segments, errors };
}

/** The references a template makes, as dotted strings. */
export function templateReferences(template: string): string[] {
  return parseTemplate(template).segments.flatMap((s) => (s.kind === 'ref' ? [s.ref.join('.')] : []));
}

/** True when the text contains anything parseTemplate would treat specially. */
export function hasTemplateSyntax(value: string): boolean {
  return value.includes('${{');
}
