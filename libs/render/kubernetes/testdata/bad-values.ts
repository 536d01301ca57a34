/** Values every bundle must carry exactly: each is a trap for YAML, shells, Compose, Kubernetes or Helm. */
export const BAD_VALUES: Record<string, string> = {
  newlines: 'line one\nline two\n\nline four\n',
  quotes: `"double" and 'single' and \\backslash\\`,
  dollars: 'cost $5, $$ twice, $(HOME), $$(ESCAPED), ${VAR}, unclosed $( and a trailing $',
  wiring: '${{ db.url }} and $${{ literal }}',
  hash: '# not a comment',
  colon: 'key: value',
  helm: '{{ .Values.db.password }} {{- fail "x" }} }}',
  // Helm deletes this text from everything it renders (helm/helm#13636).
  noValue: 'a <no value> b <nil>',
  unicode: 'é ✓ 😀 \u2028 \u2029 \u0085 \ufeff zero\u200bwidth',
  controls: '\ttab\r\nbell\u0007 nul\u0000',
  // Unicode noncharacters: go-yaml (Helm, kubectl) refuses them raw in a file.
  noncharacters: 'U+FFFE \ufffe U+FFFF \uffff',
  yaml11: 'on',
  octal: '0755',
  dash: '- item',
  spaces: '  leading and trailing  ',
  large: 'x'.repeat(50_000) + '\n$(' + 'y'.repeat(50_000),
};
