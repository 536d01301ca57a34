const MASK = '••••••••';

/**
 * A bundle file with its secrets hidden, for a preview on screen: the values of a
 * `.env` file, of a Kubernetes Secret's data, and any secret value the user typed.
 */
export function maskSecrets(path: string, content: string, typed: readonly string[]): string {
  let text = content;
  for (const secret of typed) if (secret.length > 0) text = text.split(secret).join(MASK);
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (base === '.env' || base.endsWith('.env')) return text.replace(/^([A-Za-z_][A-Za-z0-9_]*=).+$/gm, `$1${MASK}`);
  if (/secret/i.test(base)) return maskSecretData(text);
  return text;
}

// Inside `data:` and `stringData:` blocks, every value is masked; the keys stay.
function maskSecretData(text: string): string {
  let blockIndent = -1;
  return text
    .split('\n')
    .map((line) => {
      const indent = line.length - line.trimStart().length;
      if (blockIndent >= 0 && line.trim() !== '' && indent <= blockIndent) blockIndent = -1;
      if (/^\s*(stringData|data):\s*$/.test(line)) {
        blockIndent = indent;
        return line;
      }
      if (blockIndent >= 0) return line.replace(/^(\s*[^:\s][^:]*:\s*).+$/, `$1${MASK}`);
      return line;
    })
    .join('\n');
}
