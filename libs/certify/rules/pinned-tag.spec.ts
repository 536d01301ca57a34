import { describe, expect, it } from 'vitest';
import type { ComponentManifest, InputProperty } from '../../manifest/index.js';
import { isPinnedTag, pinnedTag } from './pinned-tag.js';

const STRICT = '^[a-z0-9./-]+(:[0-9]+)?(/[a-z0-9._-]+)*:(?!latest$|stable$)[A-Za-z0-9_][A-Za-z0-9_.-]*$';

function generic(image: Partial<InputProperty>): ComponentManifest {
  return {
    spec: { image: { input: 'image' }, inputs: { type: 'object', properties: { image: { type: 'string', description: 'Image.', ...image } } } },
  } as unknown as ComponentManifest;
}

describe('pinned-tag', () => {
  it.each(['16.10', '4.2.0', 'v3.5.0', '4.3-management', '2.14-alpine', 'RELEASE.2025-06-13T11-33-47Z', '1.0.0-rc.1'])('%s is pinned', (tag) => {
    expect(isPinnedTag(tag)).toBe(true);
  });

  it.each(['latest', '16', 'v3', 'alpine', 'stable-alpine', '1.2-latest', 'main', 'edge', 'nightly-2025', '8-lts'])('%s moves', (tag) => {
    expect(isPinnedTag(tag)).toBe(false);
  });

  it('accepts any tag the schema allows when a digest pins the image', () => {
    const manifest = { spec: { image: { repository: 'docker.io/library/x', tag: '16', digest: `sha256:${'0'.repeat(64)}` } } } as unknown as ComponentManifest;
    expect(pinnedTag.check(manifest)).toEqual([]);
  });

  it('accepts an image input whose pattern refuses unpinned references', () => {
    expect(pinnedTag.check(generic({ pattern: STRICT, default: 'ghcr.io/acme/app:1.4.2' }))).toEqual([]);
  });

  it.each<[string, Partial<InputProperty>, string, string]>([
    ['no pattern', {}, 'spec.inputs.properties.image.pattern', 'needs a pattern'],
    ['a pattern that takes anything', { pattern: '.+' }, 'spec.inputs.properties.image.pattern', 'accepts unpinned image references such as "nginx"'],
    ['a pattern that takes latest', { pattern: '^[a-z0-9./-]+:[a-z0-9.-]+$' }, 'spec.inputs.properties.image.pattern', '"nginx:latest"'],
    ['a pattern that refuses everything', { pattern: '^$' }, 'spec.inputs.properties.image.pattern', 'refuses a pinned reference'],
    [
      'a pattern without the moving-tag guard',
      { pattern: STRICT.replace('(?!latest$|stable$)', '') },
      'spec.inputs.properties.image.pattern',
      'such as "nginx:latest"',
    ],
  ])('flags an image input with %s', (_, property, path, message) => {
    const findings = pinnedTag.check(generic(property));
    expect(findings[0]?.path).toBe(path);
    expect(findings[0]?.message).toContain(message);
  });

  it('flags an unpinned default even when the pattern is fine', () => {
    expect(pinnedTag.check(generic({ pattern: '^[a-z0-9./-]+:(?!latest$|stable$)[0-9a-z.]+$', default: 'nginx:8' }))).toEqual([
      {
        path: 'spec.inputs.properties.image.default',
        message: '"nginx:8" is not pinned to a release tag',
      },
    ]);
  });

  it('flags an image input that names no input, or a non-string one', () => {
    const missing = { spec: { image: { input: 'img' }, inputs: { type: 'object', properties: {} } } } as unknown as ComponentManifest;
    expect(pinnedTag.check(missing)).toEqual([{ path: 'spec.image.input', message: 'names "img", which is not an input' }]);
    expect(pinnedTag.check(generic({ type: 'integer' }))[0]?.message).toBe('names "image", which is not a string input');
  });
});
