import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildSchema, isInputObjectType, isObjectType } from 'graphql';

/** Put into input values only (validateInputs inputs, app spec inputs): it must never come back. */
export const SECRET = 'Fz-s3cret-7q!';

const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schemas', 'schema.graphql'), 'utf8'));
const types = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith('__'));
const objectTypes = types.filter(isObjectType);
const fieldNames = [...new Set(objectTypes.flatMap((t) => Object.keys(t.getFields())))];
const argumentNames = [...new Set(objectTypes.flatMap((t) => Object.values(t.getFields()).flatMap((f) => f.args.map((a) => a.name))))];
const typeNames = [...types.filter((t) => isObjectType(t) || isInputObjectType(t)).map((t) => t.name), 'Nope', 'String'];

const name = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...fieldNames, '__typename', '__schema', '__type') },
  { weight: 1, arbitrary: fc.stringMatching(/^[_A-Za-z][_0-9A-Za-z]{0,12}$/) },
);
const fragmentName = fc.constantFrom('F0', 'F1', 'F2', 'F3', 'Missing');
const typeName = fc.constantFrom(...typeNames);

/** Text of any string, unicode and control characters included, as GraphQL string syntax (JSON's escapes are GraphQL's). */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('\ud800', 'a\udfffb', '\u0000', '\u2028', '🧪'.repeat(30), '${{ db.url }}', "'; DROP TABLE components; --", '%_\\'),
  fc.integer({ min: 200, max: 20_000 }).map((n) => 'w'.repeat(n)),
);
const stringLiteral = fc.oneof(
  anyText.map((s) => JSON.stringify(s)),
  fc.string({ maxLength: 30 }).map((s) => `"""${s.replaceAll('"""', '')}"""`),
  fc.constantFrom('"\\ud800"', '"\\uDBFF\\uDFFF"', '"\\u{1F600}"', '"\\x"', '"unterminated'),
);

/** A GraphQL value literal: hostile numbers, strings, enums, variables, deep lists and objects. */
export const valueLiteral: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 4 },
    fc.constantFrom(
      '1e309',
      '-1e309',
      '-0',
      '0',
      '2',
      '100',
      '101',
      '-1',
      '2147483648',
      '99999999999999999999',
      '1.5',
      '1e-400',
      'true',
      'false',
      'null',
      'COMPOSE',
      'HELM',
      'NOPE',
      '$v',
      '$n',
    ),
    fc.integer().map(String),
    stringLiteral,
    fc.integer({ min: 1, max: 3000 }).map((n) => `${'['.repeat(n)}1${']'.repeat(n)}`),
    fc.array(tie('value'), { maxLength: 4 }).map((xs) => `[${xs.join(' ')}]`),
    fc.array(fc.tuple(name, tie('value')), { maxLength: 4 }).map((kv) => `{ ${kv.map(([k, v]) => `${k}: ${v}`).join(' ')} }`),
  ),
})).value;

const argumentsText = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...argumentNames), name), valueLiteral), { maxLength: 3 })
  .map((args) => (args.length ? `(${args.map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''));
const alias = fc.option(
  fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/).map((a) => `${a}: `),
  { nil: '' },
);

/** A selection set over the schema's field names, with aliases, arguments, spreads and inline fragments. */
const selectionSet: fc.Arbitrary<string> = fc.letrec<{ set: string; item: string }>((tie) => ({
  set: fc.array(tie('item'), { minLength: 1, maxLength: 5 }).map((items) => `{ ${items.join(' ')} }`),
  item: fc.oneof(
    { maxDepth: 6, depthSize: 'small' },
    fc.tuple(alias, name, argumentsText).map(([a, n, args]) => `${a}${n}${args}`),
    fc.tuple(alias, name, argumentsText, tie('set')).map(([a, n, args, set]) => `${a}${n}${args} ${set}`),
    fragmentName.map((f) => `...${f}`),
    fc.tuple(fc.option(typeName, { nil: undefined }), tie('set')).map(([t, set]) => `... ${t ? `on ${t} ` : ''}${set}`),
  ),
})).set;

const variableDefinitions = fc
  .array(fc.tuple(fc.constantFrom('v', 'n', 's', 'x'), fc.constantFrom('Int', 'Int!', 'String', 'String!', 'JSON', 'JSONObject!', '[Int]', 'Target', 'Nope')), {
    maxLength: 3,
  })
  .map((defs) => (defs.length ? `(${defs.map(([v, t]) => `$${v}: ${t}`).join(' ')})` : ''));

const operation = fc
  .tuple(fc.constantFrom('', 'query', 'query Q', 'mutation', 'mutation M', 'subscription S'), variableDefinitions, selectionSet)
  .map(([kind, vars, set]) => (kind === '' && vars === '' ? set : `${kind || 'query'}${vars} ${set}`));

const fragments = fc
  .array(fc.tuple(fragmentName, typeName, selectionSet), { maxLength: 3 })
  .map((defs) => defs.map(([n, t, set]) => `fragment ${n} on ${t} ${set}`).join(' '));

/** Fragments that double at each level: 2^levels fields, written in a few hundred characters. */
const doubling = fc.tuple(fc.integer({ min: 1, max: 90 }), fc.constantFrom('__typename', 'aisles { name }', 'a: aisles { name }')).map(([levels, leaf]) => {
  let text = `{ ...D${levels} } fragment D0 on Query { ${leaf} }`;
  for (let i = 1; i <= levels; i++) text += ` fragment D${i} on Query { ...D${i - 1} ...D${i - 1} }`;
  return text;
});

const appSpec = fc
  .array(
    fc.tuple(
      fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/),
      fc.constantFrom('postgresql', 'redis@^8', 'nginx', 'nope', 'postgresql@^99'),
      fc.constantFrom('shop', SECRET, '', '${{ a.url }}', 5432),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map(
    (instances) =>
      `apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: shop }\ninstances:\n${instances.map(([n, c, v]) => `  ${n}: { component: "${c}", inputs: { password: ${JSON.stringify(v)}, database: ${JSON.stringify(v)} } }\n`).join('')}`,
  );

/** Realistic operations with hostile arguments, so that resolvers run, not only validation. */
const realistic = fc.oneof(
  fc
    .tuple(valueLiteral, stringLiteral)
    .map(
      ([first, search]) =>
        `{ components(first: ${first}, search: ${search}) { totalCount nodes { name latest { version inputs { name secret } } } pageInfo { endCursor } } }`,
    ),
  fc
    .tuple(stringLiteral, stringLiteral)
    .map(([n, range]) => `{ component(name: ${n}) { name version(range: ${range}) { version digest } versions { version } } }`),
  fc
    .tuple(fc.constantFrom('"postgresql"', '"redis"', '"nope"'), valueLiteral)
    .map(
      ([component, port]) =>
        `{ validateInputs(component: ${component}, inputs: { password: ${JSON.stringify(SECRET)}, port: ${port} }) { valid errors { path message code } } }`,
    ),
  fc
    .tuple(appSpec, fc.constantFrom('COMPOSE', 'KUBERNETES', 'HELM', '"compose"'))
    .map(([app, target]) => `{ compose(app: ${JSON.stringify(app)}, target: ${target}) { files { path } warnings { path message } } }`),
  fc.constant('{ aisles { name components } }'),
);

/** One benign request down each path the realistic operations take. */
export const WARM_UP = [
  '{ aisles { name components } components(first: 5, search: "a") { totalCount nodes { name latest { version inputs { name secret } } } } }',
  '{ component(name: "redis") { name version(range: "^8") { version } versions { version } } }',
  ...['postgresql', 'redis', 'nginx'].map((c) => `{ validateInputs(component: "${c}", inputs: { port: 1 }) { valid errors { path message code } } }`),
  ...['COMPOSE', 'KUBERNETES', 'HELM'].map(
    (target) =>
      `{ compose(app: ${JSON.stringify('apiVersion: aisle.dev/v1\nkind: App\nmetadata: { name: shop }\ninstances:\n  db: { component: postgresql }\n  r: { component: redis }\n  w: { component: nginx }\n')}, target: ${target}) { files { path } } }`,
  ),
];

/** GraphQL documents: generated from the schema's names, realistic, fragment bombs, deep nesting and garbage. */
export const graphqlDocument: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(operation, fragments).map(([op, frags]) => `${op} ${frags}`) },
  { weight: 1, arbitrary: fc.tuple(fc.array(operation, { minLength: 2, maxLength: 4 }), fragments).map(([ops, frags]) => `${ops.join(' ')} ${frags}`) },
  { weight: 4, arbitrary: realistic },
  { weight: 1, arbitrary: doubling },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 5000 }).map((n) => `{ aisles ${'{ name '.repeat(n)}${'}'.repeat(n)} }`) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constantFrom('{', '}', '(', ')', '[', ']', '...', '$', ':', '@', 'query', 'fragment', 'on', 'aisles', '"', '"""', '#', '\n', '1e309', '!'), {
        maxLength: 60,
      })
      .map((t) => t.join(' ')),
  },
);

/** JSON text for variable values: numbers JSON cannot carry, escaped lone surrogates, deep and wide values. */
export const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { maxDepth: 4 },
    fc.constantFrom(
      'null',
      'true',
      'false',
      '0',
      '-0',
      '1',
      '100',
      '1e309',
      '-1e309',
      '1e-400',
      '123456789012345678901234567890',
      '2.5',
      '"\\ud800"',
      '"a\\udfffb"',
      '"\\u0000"',
      '""',
    ),
    fc
      .double()
      .filter(Number.isFinite)
      .map((d) => JSON.stringify(d)),
    anyText.map((s) => JSON.stringify(s)),
    fc.constant(JSON.stringify({ password: SECRET, port: SECRET })),
    fc.integer({ min: 1, max: 6000 }).map((n) => `${'['.repeat(n)}0${']'.repeat(n)}`),
    fc.integer({ min: 1, max: 20_000 }).map((n) => `[${Array.from({ length: n }, () => '0').join(',')}]`),
    fc.array(tie('value'), { maxLength: 4 }).map((xs) => `[${xs.join(',')}]`),
    fc
      .array(fc.tuple(fc.constantFrom('password', 'port', 'database', '__proto__', 'constructor', 'k'), tie('value')), { maxLength: 4 })
      .map((kv) => `{${kv.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  ),
})).value;

/** Operations that take variables, one per kind of argument. */
export const VARIABLE_QUERIES = [
  'query Q($n: Int, $s: String, $a: String, $after: String) { components(first: $n, search: $s, aisle: $a, after: $after) { totalCount nodes { name } } }',
  'query V($c: String!, $r: String, $i: JSONObject!) { validateInputs(component: $c, range: $r, inputs: $i) { valid errors { path code message } } }',
  'query C($app: String!, $t: Target) { compose(app: $app, target: $t) { files { path } warnings { message } } }',
  'query N($name: String!, $r: String!) { component(name: $name) { name version(range: $r) { version } } }',
  '{ aisles { name } }',
];

/** A request body's variables as raw JSON text: mostly an object of the names above, sometimes not an object at all. */
export const variablesText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(fc.tuple(fc.constantFrom('n', 's', 'a', 'after', 'c', 'r', 'i', 'app', 't', 'name', 'x'), jsonText), { maxLength: 5 })
      .map((kv) => `{${kv.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(appSpec, fc.constantFrom('"COMPOSE"', '"HELM"', '"nope"', '1e309'))
      .map(([app, t]) => `{"app":${JSON.stringify(app)},"t":${t},"c":"postgresql","i":{"password":${JSON.stringify(SECRET)}}}`),
  },
  { weight: 1, arbitrary: jsonText },
);
