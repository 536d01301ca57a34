import { describe, expect, it } from 'vitest';
import { composeApp } from '../../libs/composition/index.js';
import { catalogWithDrafts, importApp } from '../../libs/import/index.js';
import { filesByPath, renderCompose } from '../../libs/render/index.js';
import { dockerComposeConfig, writeTemp } from '../bundles/compose-checks.js';
import { exampleBundle, exampleNames, shippedCatalog } from '../bundles/example-bundles.js';

type Obj = Record<string, any>;

describe('a shipped example composed to Compose, imported back and composed again', () => {
  for (const example of exampleNames()) {
    it(`${example}: the same images, environment and ports`, () => {
      const bundle = exampleBundle(example, 'compose');
      const files = filesByPath(bundle);
      // As `aisle import compose.yaml` in the bundle folder: Compose's .env beside it gives the variables.
      const { result, diagnostics } = importApp(files.get('compose.yaml')!, {
        file: 'compose.yaml',
        catalog: shippedCatalog(),
        files: (path) => files.get(path),
      });
      expect(diagnostics).toEqual([]);
      const composed = composeApp(result!.app, catalogWithDrafts(shippedCatalog(), result!.drafts));
      expect(composed.diagnostics).toEqual([]);
      const before = dockerComposeConfig(writeTemp(bundle)).config.services as Record<string, Obj>;
      const after = dockerComposeConfig(writeTemp(renderCompose(composed.app!))).config.services as Record<string, Obj>;
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      for (const [name, service] of Object.entries(before)) {
        expect(after[name]!.image, name).toBe(service.image);
        expect(after[name]!.environment ?? {}, name).toEqual(service.environment ?? {});
        expect(after[name]!.ports ?? [], name).toEqual(service.ports ?? []);
      }
    });
  }
});
