import type { CatalogIndex, KitVersion } from '../../../../libs/catalog/index.js';
import { expandKit } from '../../../../libs/composition/index.js';
import { coerceInputValue } from '../../../../libs/inputs/index.js';
import type { Scalar } from '../../../../libs/manifest/index.js';
import type { CommandContext } from '../command.js';
import type { ExitCode } from '../exit-code.js';
import { produceBundle } from '../produce-bundle.js';
import { parseSetAssignment } from '../set-assignment.js';

/**
 * `aisle get KIT --set KEY=VALUE…`: the kit's own inputs from --set, the kit expanded to
 * its app spec, and that spec composed into a bundle as `aisle compose` would.
 */
export async function getKit(ctx: CommandContext, kit: KitVersion, catalog: CatalogIndex): Promise<ExitCode> {
  const properties = kit.kit.spec.inputs.properties;
  const given: Array<[string, Scalar]> = [];
  ((ctx.args.options.set as string[] | undefined) ?? []).forEach((assignment, index) => {
    const { key, value: text } = parseSetAssignment(assignment, index);
    // Values given on the command line are literal; expandKit escapes them where they land.
    given.push([key, coerceInputValue(properties[key], text)]);
  });
  // fromEntries makes `--set __proto__=x` an own key (then an unknown input), never the object's prototype.
  const expanded = expandKit(kit, Object.fromEntries(given));
  if (!expanded.spec) return ctx.report(expanded.diagnostics);
  return produceBundle(ctx, expanded.spec, { catalog });
}
