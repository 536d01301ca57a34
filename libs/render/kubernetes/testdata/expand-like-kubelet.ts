/**
 * The kubelet's `$(VAR)` expansion (k8s.io/kubernetes third_party/forked/golang/expansion),
 * written again for tests: `$$` gives `$`, `$(NAME)` gives the variable (or stays as
 * written when unknown), any other `$` stays.
 */
export function expandLikeKubelet(input: string, variables: Record<string, string> = {}): string {
  let out = '';
  let checkpoint = 0;
  for (let cursor = 0; cursor < input.length; cursor++) {
    if (input[cursor] !== '$' || cursor + 1 >= input.length) continue;
    out += input.slice(checkpoint, cursor);
    const rest = input.slice(cursor + 1);
    let advance = 1;
    if (rest[0] === '$') out += '$';
    else if (rest[0] === '(') {
      const close = rest.indexOf(')', 1);
      if (close < 0) out += '$(';
      else {
        const name = rest.slice(1, close);
        out += name in variables ? variables[name] : `$(${name})`;
        advance = close + 1;
      }
    } else out += '$' + rest[0];
    cursor += advance;
    checkpoint = cursor + 1;
  }
  return out + input.slice(checkpoint);
}
