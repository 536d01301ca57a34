/** YAML mistakes made inside an app spec's input value, by name; every secret fragment contains "Hunter2" or "pass-1234". */
export const MISTAKES_IN_A_VALUE: Record<string, string> = {
  'a nested mapping (the issue)': '      password: Hunter2: pass-1234\n',
  'a nested mapping after a tab': '      password:\tHunter2\t: pass-1234\n',
  'a block mapping under the value': '      password:\n        Hunter2: pass-1234\n        Hunter2: pass-1234\n',
  'bad indentation': '      database: shop\n        password: Hunter2pass-1234\n',
  'a continuation line that is not indented': '      password: Hunter2\n     pass-1234: x\n',
  'a value on the next line, not indented': '      password:\n      Hunter2pass-1234\n',
  'an unterminated double quote': '      password: "Hunter2pass-1234\n',
  'an unterminated single quote': "      password: 'Hunter2pass-1234\n    env: {}\n",
  'a bad escape in double quotes': '      password: "Hunter2\\qpass-1234"\n',
  'a duplicate key in a flow map': '      password: {Hunter2: 1, Hunter2: pass-1234}\n',
  'a duplicate key deep in a flow map': '      password: {a: {Hunter2: 1, Hunter2: pass-1234}}\n',
  'an unclosed flow sequence': '      password: [Hunter2pass-1234\n',
  'a tab as indentation': '      password:\n\tHunter2pass-1234\n',
  'an alias to no anchor': '      password: *Hunter2pass-1234\n',
  'an unknown tag': '      password: !Hunter2 pass-1234\n',
  'a forbidden key': '      password: { __proto__: Hunter2pass-1234 }\n',
  // Found by test/fuzz/input-values.spec.ts: YAML read the rest of the line as a sibling key.
  'value text YAML reads as a sibling key': "      password: -\t:Hunter2%: '`pass-1234\n",
  'a flow map whose value breaks': '      database: shop\n    env: { TOKEN: "Hunter2\\qpass-1234" }\n',
};
