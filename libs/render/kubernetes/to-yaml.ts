import { Document, visit } from 'yaml';

// Characters a YAML 1.1 reader (kubectl's go-yaml, Helm, PyYAML) treats as line breaks or
// rejects outside double quotes; strings holding them are written double-quoted.
const NEEDS_DOUBLE_QUOTES = /[\t\r\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ud800-\udfff]/u;
// The yaml library leaves these raw even inside double quotes, where 1.1 readers still fold them.
const RAW_IN_QUOTES = /[\u0080-\u009f\u2028\u2029\ufeff\ud800-\udfff]/gu;

/**
 * Serializes a value as YAML that every reader of Kubernetes and Helm files parses back
 * to the same data: YAML 1.1 quoting (so `on`, `0755` or `1:20` stay strings), no line
 * folding, no anchors, and escapes for characters that 1.1 readers would fold.
 * `decorate` may add comments to the document before it is written.
 */
export function toYaml(value: unknown, decorate?: (doc: Document) => void): string {
  const doc = new Document(value, { version: '1.1', aliasDuplicateObjects: false });
  decorate?.(doc);
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && NEEDS_DOUBLE_QUOTES.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  const text = doc.toString({ lineWidth: 0, minContentWidth: 0 });
  return text.replace(RAW_IN_QUOTES, escapeCharacter);
}

function escapeCharacter(ch: string): string {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
