import { describe, expect, it } from 'vitest';
import { composeSchemaErrors, dockerComposeConfig, writeTemp } from './compose-checks.js';
import { exampleBundle, exampleNames } from './example-bundles.js';

// The Kubernetes and Helm bundles of the examples are checked in kubernetes-helm-examples.spec.ts.
describe('every example Compose bundle passes the real validators', () => {
  for (const example of exampleNames()) {
    it(`${example}: docker-compose config accepts it and sees every secret`, () => {
      const files = exampleBundle(example, 'compose');
      const dir = writeTemp(files);
      const { config } = dockerComposeConfig(dir);
      expect(Object.keys(config.services).sort()).toEqual(Object.keys(exampleSpecInstances(files)).sort());
      // Every ${VAR} compose.yaml uses was found in .env: nothing is left as an empty interpolation.
      const compose = files.find((f) => f.path === 'compose.yaml')!.content;
      const env = files.find((f) => f.path === '.env')?.content ?? '';
      for (const [, name] of compose.matchAll(/(?<!\$)\$\{([A-Z0-9_]+)\}/g)) expect(env).toMatch(new RegExp(`^${name}=`, 'm'));
    });

    it(`${example}: the Compose spec JSON schema accepts it`, () => {
      const compose = exampleBundle(example, 'compose').find((f) => f.path === 'compose.yaml')!.content;
      expect(composeSchemaErrors(compose)).toEqual([]);
    });
  }
});

function exampleSpecInstances(files: ReturnType<typeof exampleBundle>): Record<string, unknown> {
  const lock = files.find((f) => f.path === 'aisle.lock')!.content;
  const instances: Record<string, unknown> = {};
  for (const [, name] of lock.matchAll(/^ {2}([a-z][a-z0-9-]*):$/gm)) instances[name!] = true;
  return instances;
}

describe('the validators themselves', () => {
  it('the schema check rejects what Compose would reject', () => {
    expect(composeSchemaErrors('services:\n  a:\n    image: x\n    bogus: true\n')).not.toEqual([]);
    expect(composeSchemaErrors('name: x\nservices:\n  a:\n    image: x\n')).not.toEqual([]);
  });
});
