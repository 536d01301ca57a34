import { describe, expect, it } from 'vitest';
import type { KitVersion } from '../catalog/index.js';
import { UNCERTIFIED } from '../catalog/index.js';
import { manifestDigest, parseKit } from '../manifest/index.js';
import { expandKit } from './expand-kit.js';

const KIT = `apiVersion: aisle.dev/v1
kind: Kit
metadata: { name: blog-kit, version: 1.0.0, aisle: content, title: Blog, description: A blog., publisher: Test, license: MIT }
spec:
  inputs:
    type: object
    additionalProperties: false
    required: [domain]
    properties:
      domain: { type: string, description: Public host name., examples: [blog.example.com] }
      port: { type: integer, description: A port., default: 8080 }
      adminPassword: { type: string, description: Admin password., writeOnly: true, minLength: 12 }
  instances:
    db: { component: postgresql@^16 }
    site:
      component: web-app@^1
      inputs:
        image: ghcr.io/acme/blog:1.0.0
        port: \${{ inputs.port }}
      env:
        SITE_URL: https://\${{ inputs.domain }}/?q=\${{ inputs.domain | urlencode }}
        ADMIN_PASSWORD: \${{ inputs.adminPassword }}
        DATABASE_URL: \${{ db.url }}
`;

function kit(text = KIT): KitVersion {
  const parsed = parseKit(text, 'kit.yaml');
  expect(parsed.diagnostics).toEqual([]);
  return { name: 'blog-kit', version: '1.0.0', digest: manifestDigest(parsed.value!), kit: parsed.value!, source: 'kit.yaml', certification: UNCERTIFIED };
}

describe('expandKit', () => {
  it('puts the kit inputs into the instances, keeping types and wiring', () => {
    const { spec, diagnostics } = expandKit(kit(), { domain: 'a b', port: 9000 });
    expect(diagnostics).toEqual([]);
    expect(spec!.instances.site!.inputs).toEqual({ image: 'ghcr.io/acme/blog:1.0.0', port: 9000 });
    expect(spec!.instances.site!.env).toEqual({ SITE_URL: 'https://a b/?q=a%20b', DATABASE_URL: '${{ db.url }}' });
    expect(spec!.metadata.name).toBe('blog-kit');
  });

  it('leaves out an instance value whose kit input is unset, so the component default or generated secret applies', () => {
    const { spec } = expandKit(kit(), { domain: 'x' });
    expect(spec!.instances.site!.env).not.toHaveProperty('ADMIN_PASSWORD');
    expect(spec!.instances.site!.inputs!.port).toBe(8080);
  });

  it('keeps a value the user gives literal: ${{ in it never becomes wiring', () => {
    const { spec } = expandKit(kit(), { domain: '${{ db.password }}', adminPassword: 'x${{ db.url }}yyyyyyyy' });
    expect(spec!.instances.site!.env!.ADMIN_PASSWORD).toBe('x$${{ db.url }}yyyyyyyy');
    expect(spec!.instances.site!.env!.SITE_URL).toMatch(/^https:\/\/\$\$\{\{ db\.password \}\}\//);
  });

  it('reports bad and unknown kit inputs at inputs.NAME, and expands nothing', () => {
    const r = expandKit(kit(), { port: 'eighty', colour: 'red' });
    expect(r.spec).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual(
      expect.arrayContaining([
        ['INPUT_REQUIRED', 'inputs.domain'],
        ['INPUT_UNKNOWN', 'inputs.colour'],
        ['INPUT_INVALID', 'inputs.port'],
      ]),
    );
  });
});

describe('parseKit', () => {
  it('refuses a reference to an input the kit does not declare', () => {
    const r = parseKit(KIT.replace('${{ inputs.port }}', '${{ inputs.prot }}'), 'kit.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([['TEMPLATE_INVALID', 'spec.instances.site.inputs.port']]);
  });

  it('refuses an optional input without a default inside longer text', () => {
    const r = parseKit(KIT.replace('ADMIN_PASSWORD: ${{ inputs.adminPassword }}', 'ADMIN_PASSWORD: pw-${{ inputs.adminPassword }}'), 'kit.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([['TEMPLATE_INVALID', 'spec.instances.site.env.ADMIN_PASSWORD']]);
  });

  it('refuses a generated secret, an instance named inputs, and a scoped name', () => {
    const generated = parseKit(KIT.replace('minLength: 12 }', 'minLength: 12, x-aisle-generate: password }'), 'kit.yaml');
    expect(generated.diagnostics.map((d) => d.path)).toEqual(['spec.inputs.properties.adminPassword.x-aisle-generate']);
    const inputs = parseKit(KIT.replace('    db: { component: postgresql@^16 }', '    inputs: { component: postgresql@^16 }'), 'kit.yaml');
    expect(inputs.value).toBeUndefined();
    const scoped = parseKit(KIT.replace('name: blog-kit', 'name: acme/blog-kit'), 'kit.yaml');
    expect(scoped.diagnostics.map((d) => d.path)).toContain('metadata.name');
  });
});
