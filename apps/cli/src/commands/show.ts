import { imageLabel } from '../../../../libs/manifest/index.js';
import { describeInputs } from '../../../../libs/inputs/index.js';
import type { Command } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { UsageError } from '../parse-args.js';
import { REGISTRY_OPTION } from '../registry/registry-option.js';

export const showCommand: Command = {
  name: 'show',
  summary: 'show a component version: description, inputs and outputs',
  usage: 'aisle show NAME[@RANGE] [--registry URL] [--json]',
  options: [REGISTRY_OPTION],
  async run(ctx) {
    const [reference, ...extra] = ctx.args.positionals;
    if (!reference || extra.length > 0) throw new UsageError('expects exactly one NAME[@RANGE]');
    const catalog = await ctx.catalogSource().indexFor([reference]);
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
        certification: version.certification,
        deprecated: version.deprecated ?? null,
        versions: catalog.versions(version.name).map((v) => v.version),
      });
    }
    const out = ctx.io.out;
    out(`${m.metadata.title} — ${version.name}@${version.version} (${m.metadata.aisle})\n`);
    out(`${m.metadata.description.trim()}\n\n`);
    out(`image:         ${imageLabel(m.spec.image)}\n`);
    out(`provides:      ${m.spec.provides.join(', ')}\n`);
    out(`digest:        ${version.digest}\n`);
    out(`certification: ${version.certification.level}${version.certification.certifier ? ` by ${version.certification.certifier}` : ''}${version.certification.reason ? ` (${version.certification.reason})` : ''}\n`);
    if (version.deprecated) out(`deprecated:    ${version.deprecated}\n`);
    out(`versions:      ${catalog.versions(version.name).map((v) => v.version).join(', ')}\n\ninputs:\n`);
    for (const i of inputs) {
      const flags = [i.type, i.required ? 'required' : 'optional', ...(i.secret ? ['secret'] : []), ...(i.generated ? ['generated'] : [])];
      const def = i.default !== undefined ? ` (default: ${JSON.stringify(i.default)})` : '';
      const choices = i.enum ? ` [one of: ${i.enum.join(', ')}]` : '';
      out(`  ${i.name}  ${flags.join(', ')}${def}${choices}\n      ${i.description}\n`);
    }
    out('\noutputs:\n');
    for (const o of outputs) out(`  ${o.name}  ${o.description}\n`);
    for (const d of diagnostics) ctx.io.err(`warning: ${d.message}\n`);
    return ExitCode.Ok;
  },
};
