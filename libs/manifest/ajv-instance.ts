import type Ajv2020 from 'ajv/dist/2020.js';
import type addFormats from 'ajv-formats';
import { linearRegExp } from './linear-reg-exp.js';

export type Ajv = InstanceType<typeof Ajv2020>;

let ajvPackages: { Ajv2020: typeof Ajv2020; addFormats: typeof addFormats } | undefined;

/**
 * ajv and ajv-formats, loaded when the first validator is made rather than by an import:
 * a CLI run answered from the catalog cache may validate nothing, and the packages' ~80
 * modules would cost it more than the rest of its work. Both are CommonJS with a `default` export.
 */
function packages(): { Ajv2020: typeof Ajv2020; addFormats: typeof addFormats } {
  // Literal names, so the service's bundle (apps/api/bundle.mjs) carries them; still loaded only here.
  ajvPackages ??= {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would load them on every run (see above)
    Ajv2020: (require('ajv/dist/2020.js') as { default: typeof Ajv2020 }).default,
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
    addFormats: (require('ajv-formats') as { default: typeof addFormats }).default,
  };
  return ajvPackages;
}

/**
 * A fresh ajv (draft 2020-12) configured the way Aisle validates everything: all
 * errors at once, formats, patterns run in linear time, and the `x-aisle-*` annotation
 * keywords allowed.
 * `checkedSchemas` is for an instance that compiles only schemas already checked against
 * the 2020-12 meta-schema: Aisle's own (by test/catalog-schema.spec.ts) and a loaded
 * version's inputs (by checkInputsSchema, when its manifest or kit was parsed).
 * `standalone` is for writing validators out as code, an ES module or a CommonJS function body.
 */
export function createAjv(options: { useDefaults?: boolean; checkedSchemas?: boolean; standalone?: 'esm' | 'cjs' } = {}): Ajv {
  const { Ajv2020, addFormats } = packages();
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    verbose: true,
    useDefaults: options.useDefaults ?? false,
    // Checking a checked schema again would compile the 2020-12 meta-schema first (~100 ms of a CLI run).
    validateSchema: !options.checkedSchemas,
    unicodeRegExp: true,
    // `standalone` keeps each validator's source, for ajv/dist/standalone.
    code: { regExp: linearRegExp, source: options.standalone !== undefined, esm: options.standalone === 'esm' },
  });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-aisle-generate', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-aisle-pattern-message', schemaType: 'string' });
  return ajv;
}
