/**
 * Escapes text for the fields Kubernetes expands `$(VAR)` in (env values, command,
 * args, exec probes). The kubelet turns `$$` into `$` and `$(NAME)` into a variable, and
 * leaves every other `$` alone; so a `$` is doubled exactly when `$` or `(` follows it.
 */
export function escapeExpansion(text: string): string {
  if (!text.includes('$')) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    out += ch;
    if (ch === '$' && (text[i + 1] === '$' || text[i + 1] === '(')) out += '$';
  }
  return out;
}
