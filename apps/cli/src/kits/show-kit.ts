import type { CatalogIndex, KitVersion } from '../../../../libs/catalog/index.js';
import type { Diagnostic } from '../../../../libs/diagnostics/index.js';
import { describeInputs } from '../../../../libs/inputs/index.js';
import type { CommandContext } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { formatInputsTable } from '../format-inputs-table.js';
import { formatTable } from '../format-table.js';
import { printDiagnostics } from '../print-diagnostics.js';

/** `aisle show KIT`: what the kit is, the few inputs it asks for, and the components it is made of. */
export function showKit(ctx: CommandContext, kit: KitVersion, catalog: CatalogIndex, diagnostics: Diagnostic[]): ExitCode {
  const m = kit.kit;
  const inputs = describeInputs(m);
  const components = Object.entries(m.spec.instances).map(([instance, spec]) => ({
    instance,
    component: spec.component,
    // The version the range picks today; a bundle's aisle.lock records it.
    version: catalog.resolve(spec.component).version?.version ?? null,
  }));
  const versions = catalog.kitVersions(kit.name).map((v) => v.version);
  const c = kit.certification;
  if (ctx.json) {
    return ctx.report(diagnostics, {
      name: kit.name,
      version: kit.version,
      kind: 'kit',
      digest: kit.digest,
      aisle: m.metadata.aisle,
      title: m.metadata.title,
      description: m.metadata.description,
      inputs,
      components,
      certification: {
        level: c.level,
        verified: c.verified,
        ...(c.certifier ? { certifier: c.certifier } : {}),
        ...(c.issuedAt ? { issuedAt: c.issuedAt } : {}),
        ...(c.reason ? { reason: c.reason } : {}),
      },
      deprecated: kit.deprecated ?? null,
      versions,
    });
  }
  const out = ctx.io.out;
  out(`${m.metadata.title} — ${kit.name}@${kit.version} (kit, ${m.metadata.aisle})\n`);
  out(`${m.metadata.description.trim()}\n\n`);
  out(`digest:         ${kit.digest}\n`);
  out(`certification:  ${c.level}${c.certifier ? ` by ${c.certifier}` : ''}${c.reason ? ` (${c.reason})` : ''}\n`);
  if (kit.deprecated) out(`deprecated:     ${kit.deprecated}\n`);
  out(`versions:       ${versions.join(', ')}\n`);
  out(`\ninputs (set with aisle get ${kit.name} --set KEY=VALUE; REQUIRED: must be given):\n`);
  out(formatInputsTable(inputs));
  out('\ncomponents:\n');
  out(
    formatTable(
      ['INSTANCE', 'COMPONENT', 'VERSION'],
      components.map((x) => [x.instance, x.component, x.version ?? '(none matches)']),
      '  ',
    ),
  );
  printDiagnostics(ctx.io, diagnostics);
  return ExitCode.Ok;
}
