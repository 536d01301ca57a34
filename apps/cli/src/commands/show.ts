import { imageLabel } from '../../../../libs/manifest/index.js';
import { describeInputs } from '../../../../libs/inputs/index.js';
import type { Command } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { formatInputsTable } from '../format-inputs-table.js';
import { formatTable } from '../format-table.js';
import { UsageError } from '../parse-args.js';
import { printDiagnostics } from '../print-diagnostics.js';
import { REGISTRY_OPTION } from '../registry/registry-option.js';
import { showKit } from '../kits/show-kit.js';

export const showCommand: Command = {
  name: 'show',
  summary: 'show a component version (description, inputs, outputs) or an app kit (inputs, components)',
  usage: 'aisle show NAME[@RANGE] [--registry URL]',
  options: [REGISTRY_OPTION],
  async run(ctx) {
    const [reference, ...extra] = ctx.args.positionals;
    if (!reference || extra.length > 0) throw new UsageError('expects exactly one NAME[@RANGE]', 'NAME[@RANGE]');
    const catalog = await ctx.catalogSource().indexFor([reference]);
    if (catalog.isKit(reference)) {
      const kit = catalog.resolveKit(reference);
      return kit.version ? showKit(ctx, kit.version, catalog, kit.diagnostics) : ctx.report(kit.diagnostics);
    }
    const { version, diagnostics } = catalog.resolve(reference);
    if (!version) return ctx.report(diagnostics);
    const m = version.manifest;
    const inputs = describeInputs(m);
    const outputs = Object.entries(m.spec.outputs).map(([name, o]) => ({ name, description: o.description }));
    if (ctx.json) {
      return ctx.report(diagnostics, {
        name: version.name,
        version: version.version,
        digest: version.digest,
        aisle: m.metadata.aisle,
        title: m.metadata.title,
        description: m.metadata.description,
        image: `${imageLabel(m.spec.image)}`,
        provides: m.spec.provides,
        inputs,
        outputs,
        // The fields GraphQL's Certification has, so a --registry answer reads the same.
        certification: {
          level: version.certification.level,
          verified: version.certification.verified,
          ...pick(version.certification, ['certifier', 'issuedAt', 'reason']),
        },
        deprecated: version.deprecated ?? null,
        versions: catalog.versions(version.name).map((v) => v.version),
      });
    }
    const out = ctx.io.out;
    const c = version.certification;
    out(`${m.metadata.title} — ${version.name}@${version.version} (${m.metadata.aisle})\n`);
    out(`${m.metadata.description.trim()}\n\n`);
    out(`image:          ${imageLabel(m.spec.image)}\n`);
    out(`provides:       ${m.spec.provides.join(', ')}\n`);
    out(`digest:         ${version.digest}\n`);
    out(`certification:  ${c.level}${c.certifier ? ` by ${c.certifier}` : ''}${c.reason ? ` (${c.reason})` : ''}\n`);
    if (version.deprecated) out(`deprecated:     ${version.deprecated}\n`);
    out(
      `versions:       ${catalog
        .versions(version.name)
        .map((v) => v.version)
        .join(', ')}\n`,
    );
    out('\ninputs (REQUIRED: must be given; the others have a default or are generated):\n');
    out(formatInputsTable(inputs));
    out('\noutputs:\n');
    out(
      formatTable(
        ['NAME', 'DESCRIPTION'],
        outputs.map((o) => [o.name, o.description]),
        '  ',
      ),
    );
    printDiagnostics(ctx.io, diagnostics);
    return ExitCode.Ok;
  },
};

/** The named keys of `o` that are set. */
function pick<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]])) as Partial<Pick<T, K>>;
}
