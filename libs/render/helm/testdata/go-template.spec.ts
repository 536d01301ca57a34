import { describe, expect, it } from 'vitest';
import { HelmExpressions } from '../helm-expressions.js';
import { helpersTemplate } from '../helpers-template.js';
import { execute, goQuote, parseTemplate, type RenderContext } from './go-template.js';

function render(src: string, values: Record<string, unknown> = {}): string {
  const defines = new Map();
  const helpers = parseTemplate(helpersTemplate(new HelmExpressions('app')), defines);
  expect(helpers.every((n) => n.t === 'text')).toBe(true);
  const ctx: RenderContext = { root: { Values: values, Release: { Name: 'r', Namespace: 'ns', Service: 'Helm' }, Chart: { Name: 'app', Version: '0.1.0' } }, defines, cluster: new Map() };
  return execute(parseTemplate(src, defines), ctx.root, ctx);
}

describe('the test Go template interpreter', () => {
  it('trims around {{- and -}} and drops comments, as text/template does', () => {
    expect(render('a  {{- "b" -}}  c\n{{/* gone */}}d {{- /* gone too */ -}} e')).toBe('abc\nde');
  });

  it('passes a piped value as the last argument', () => {
    expect(render('{{ "a-b" | replace "-" "+" | quote }}')).toBe('"a+b"');
    expect(render('{{ list "x" (index $.Values "k" | toString) | join "" }}', { k: 5 })).toBe('x5');
  });

  it('names an instance RELEASE-INSTANCE, cutting the release name so the instance stays whole within 52 bytes', () => {
    expect(render('{{ include "app.instanceName" (list $ "db") }}')).toBe('r-db');
    expect(render('{{ sub 51 (len "db") }} {{ len "é" }}')).toBe('49 2');
  });

  it('quotes like strconv.Quote', () => {
    expect(goQuote('é "q" \\ \t\n\u0007\u0085\u2028\ufeff😀')).toBe('"é \\"q\\" \\\\ \\t\\n\\a\\u0085\\u2028\\ufeff😀"');
  });

  it('encodes with the chart\'s urlencode exactly as encodeURIComponent', () => {
    for (const s of ["a b+c/d?e=f&g#h", "!'()*~-_.", 'é😀%', '$(x) ${y}']) {
      expect(render('{{ include "app.urlencode" .Values.s }}', { s })).toBe(encodeURIComponent(s));
    }
  });

  it('generates secrets by rule, and fails for a secret without one', () => {
    const secret = (generate: string, length: number) =>
      render(`{{ include "app.secretValue" (dict "given" "" "previous" nil "generate" "${generate}" "length" ${length} "path" "db.password") }}`);
    expect(secret('password', 30)).toMatch(/^[A-Za-z0-9]{30}$/);
    expect(secret('hex', 64)).toMatch(/^[0-9a-f]{64}$/);
    expect(secret('uuid', 36)).toMatch(/^[0-9a-f-]{36}$/);
    expect(secret('base64url', 22)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(() => secret('', 24)).toThrow(/db.password is required/);
  });

  it('refuses syntax and functions it does not know, rather than guessing', () => {
    expect(() => render('{{ with .Values }}x{{ else }}y{{ end }}')).toThrow();
    expect(render('{{ with .Values.a }}{{ .b }}{{ end }}{{ with .Values.none }}z{{ end }}', { a: { b: 'B' } })).toBe('B');
    expect(() => render('{{ sha256sum "x" }}')).toThrow(/unknown function/);
  });
});
