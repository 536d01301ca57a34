import { coerceInputValue } from '../../../../libs/inputs/index.js';
import { parseComponentName, type AppSpec, type Scalar } from '../../../../libs/manifest/index.js';
import type { Command } from '../command.js';
import { UsageError } from '../parse-args.js';
import { BUNDLE_OPTIONS, produceBundle } from '../produce-bundle.js';
import { parseSetAssignment } from '../set-assignment.js';
import { REGISTRY_OPTION } from '../registry/registry-option.js';
import { getKit } from '../kits/get-kit.js';

export const getCommand: Command = {
  name: 'get',
  summary: 'one component or app kit as a ready-to-run bundle: the other inputs defaulted or generated',
  usage: 'aisle get NAME[@RANGE] [--set KEY=VALUE]... [--target T] [--out DIR] [--force] [--registry URL]',
  options: [
    { name: 'set', type: 'string', multiple: true, valueName: 'KEY=VALUE', description: "an input value, converted to the input's type" },
    ...BUNDLE_OPTIONS,
    REGISTRY_OPTION,
  ],
  async run(ctx) {
    const [reference, ...extra] = ctx.args.positionals;
    if (!reference || extra.length > 0) throw new UsageError('expects exactly one NAME[@RANGE]', 'NAME[@RANGE]');
    const catalog = await ctx.catalogSource().indexFor([reference]);
    if (catalog.isKit(reference)) {
      const kit = catalog.resolveKit(reference, 'component');
      return kit.version ? getKit(ctx, kit.version, catalog) : ctx.report(kit.diagnostics);
    }
    const resolved = catalog.resolve(reference, 'component');
    if (!resolved.version) return ctx.report(resolved.diagnostics);
    const properties = resolved.version.manifest.spec.inputs.properties;
    const given: Array<[string, Scalar]> = [];
    ((ctx.args.options.set as string[] | undefined) ?? []).forEach((assignment, index) => {
      const { key, value: text } = parseSetAssignment(assignment, index);
      // Values given on the command line are literal: no wiring in a one-component app.
      const value = coerceInputValue(properties[key], text);
      given.push([key, typeof value === 'string' ? value.replace(/\$\{\{/g, () => '$${{') : value]);
    });
    // fromEntries makes `--set __proto__=x` an own key (then an unknown input), never the object's prototype.
    const inputs: Record<string, Scalar> = Object.fromEntries(given);
    // The instance (a folder and a DNS name in the bundle) takes the label only: a scope's `/` never reaches a path.
    const label = parseComponentName(resolved.version.name)?.base ?? resolved.version.name;
    const name = label.slice(0, 32).replace(/-+$/, '');
    const spec: AppSpec = {
      apiVersion: 'aisle.dev/v1',
      kind: 'App',
      metadata: { name },
      instances: { [name]: { component: `${resolved.version.name}@${resolved.version.version}`, inputs } },
    };
    return produceBundle(ctx, spec, { publishExposed: true, connectHint: true, catalog });
  },
};
