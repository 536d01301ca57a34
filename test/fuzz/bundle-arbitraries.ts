import fc from 'fast-check';

/** Text YAML, Compose, the kubelet, .env readers or Go templates treat specially, one piece each. */
const TRICKY = [
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'true',
  'False',
  'null',
  'Null',
  '~',
  'NaN',
  '.inf',
  '0x1F',
  '0o17',
  '0755',
  '1e3',
  '1:20',
  '12:30:00',
  '2001-12-14',
  '-',
  '- x',
  '? x',
  ': x',
  'a: b',
  '#',
  ' # x',
  '---',
  '...',
  '&a',
  '*a',
  '!tag',
  '!!str',
  '%YAML',
  '@',
  '`',
  '{',
  '}',
  '[',
  ']',
  ',',
  '|',
  '>',
  '<<',
  '$',
  '$$',
  '$$$',
  '${HOME}',
  '$HOME',
  '$(HOME)',
  '$$(HOME)',
  '${{',
  '$${{',
  '${{ db.url }}',
  '}}',
  '{{ .Values }}',
  '{{',
  '%s',
  '%!',
  '"',
  "'",
  '\\',
  '\\n',
  '\\"',
  '\n',
  '\r\n',
  '\r',
  '\t',
  ' ',
  '  lead',
  'trail  ',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffe',
  'é',
  'ünïcødé',
  '日本語',
  '🚀',
  '👩‍👩‍👧',
  'a\u0300',
  '=',
  'A=B',
  'export X=1',
  '\\\\',
  // Halves of a surrogate pair: no file can hold them; composition must refuse them, not throw.
  '\ud800',
  'a\udfff',
  '\udc00\ud800',
];

/** Any text, biased towards pieces that break naive YAML, .env, Compose and template writers. */
export function hostileText(maxPieces = 8): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...TRICKY) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 12 }) },
  );
  return fc.array(piece, { maxLength: maxPieces }).map((pieces) => pieces.join(''));
}

/** Text as the app spec must write it to mean exactly `text`: `${{` escaped as `$${{`. */
export function literal(text: string): string {
  return text.replace(/\$\{\{/g, () => '$${{');
}

/** A secret value that carries a random marker, so an echo of it, whole or cut, can be found. */
export function markedSecret(minLength: number, maxLength: number): fc.Arbitrary<{ value: string; marker: string }> {
  return fc.tuple(hostileText(3), fc.stringMatching(/^[A-Za-z0-9]{10}$/), hostileText(3), fc.nat({ max: 9 })).map(([before, random, after, roll]) => {
    const marker = `Zq${random}`;
    // Now and then just outside the component's bounds: rejected, and still never echoed.
    if (roll === 0) return { value: marker.padEnd(maxLength + 1, 'x'), marker };
    if (roll === 1) return { value: marker.slice(0, Math.max(0, minLength - 1)), marker: '' };
    const value = `${before}${marker}${after}`.padEnd(minLength, 's');
    return { value: value.length > maxLength ? `${marker}${after}`.slice(0, maxLength) : value, marker };
  });
}

export const INSTANCE_NAMES = ['db', 'web', 'cache', 'mq', 'templates', 'charts', 'aisle', 'env', 'a', 'x-1', 'web2', 'a'.repeat(32)];
const HOSTILE_NAMES = [
  '../etc',
  '..',
  '.',
  '.env',
  'aisle.lock',
  'My_DB',
  '',
  'a'.repeat(33),
  'web/x',
  '__proto__',
  'constructor',
  'db-',
  '-db',
  '1db',
  'templates/x',
  'a\nb',
  'ü',
  'toString',
];

/** An instance name: mostly valid ones (some named like a bundle's folders), some hostile. */
export const instanceName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...INSTANCE_NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NAMES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

const COMPONENTS = ['postgresql', 'redis', 'web-app', 'rabbitmq', 'nginx', 'keycloak', 'meilisearch', 'minio', 'mysql', 'nats'];
const RANGES = ['', '', '', '@^16', '@^8', '@>=1', '@1.0.0', '@^99', '@not a range', '@*', '@', '@latest'];

export const componentRef = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...COMPONENTS), fc.constantFrom(...RANGES)).map(([c, r]) => `${c}${r}`) },
  { weight: 1, arbitrary: fc.constantFrom('postgress', 'web_app', '', 'a/b', 'postgresql@^16 || ^17', '../x') },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);

const ENV_NAMES = ['GREETING', 'DATABASE_URL', 'A', '_X', 'A'.repeat(128), 'PATH', 'HOME', 'AISLE_REF_0', 'AISLE_COMMAND_0'];
const HOSTILE_ENV_NAMES = ['A'.repeat(129), '1A', 'A-B', 'A.B', 'A B', '', '__proto__', 'é', '$X', 'A=B'];
export const envName = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ENV_NAMES) }, { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_ENV_NAMES) });

const REFERENCES = [
  '${{ db.url }}',
  '${{ db.password }}',
  '${{ db.host }}:${{ db.port }}',
  '${{ cache.url }}',
  '${{ mq.url }}',
  '${{ web.url }}',
  '${{ nope.url }}',
  '${{ db }}',
  '${{ db.url | urlencode }}',
  '${{ db.url | nope }}',
  '${{ inputs.x }}',
  '${{',
  'a ${{ db.username }} b',
];

/** A value in an app spec: hostile text (literal or not), a reference, a number or a boolean. */
export const specValue = fc.oneof(
  { weight: 5, arbitrary: hostileText().map(literal) },
  { weight: 1, arbitrary: hostileText() },
  { weight: 2, arbitrary: fc.constantFrom(...REFERENCES) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean()) },
);
