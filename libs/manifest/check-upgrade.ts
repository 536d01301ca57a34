import satisfies from 'semver/functions/satisfies';
import valid from 'semver/functions/valid';
import validRange from 'semver/ranges/valid';
import type { Diagnostic, DiagnosticCode } from '../diagnostics/index.js';
import type { ComponentManifest } from './manifest.js';
import { parseTemplate } from './parse-template.js';

type At = (path: string, code: DiagnosticCode, message: string) => Diagnostic;

/**
 * Checks what the schema cannot in a manifest's `upgrade` block: every range is a semver
 * range, the upgrade never claims to come from this version or a later one, and each
 * migration names inputs the right way round (a renamed or set input exists here, a
 * dropped one does not; a template refers only to `inputs.NAME`).
 */
export function checkUpgrade(manifest: ComponentManifest, at: At): Diagnostic[] {
  const upgrade = manifest.upgrade;
  if (typeof upgrade !== 'object' || upgrade === null || typeof upgrade.from !== 'string') return [];
  const out: Diagnostic[] = [];
  const properties = manifest.spec?.inputs?.properties ?? {};
  const declared = (name: unknown) => typeof name === 'string' && Object.hasOwn(properties, name);
  const range = (path: string, value: unknown) => {
    if (typeof value === 'string' && validRange(value) === null) out.push(at(path, 'UPGRADE_INVALID', 'must be a semver range, such as >=16.0.0 <17.0.0'));
  };
  range('upgrade.from', upgrade.from);
  const version = manifest.metadata?.version;
  if (typeof version === 'string' && valid(version) && validRange(upgrade.from) && satisfies(version, upgrade.from, { includePrerelease: true }))
    out.push(at('upgrade.from', 'UPGRADE_INVALID', `must name only versions before ${version}: an upgrade never comes from itself or a later version`));
  (Array.isArray(upgrade.migrations) ? upgrade.migrations : []).forEach((m, i) => {
    const base = `upgrade.migrations.${i}`;
    range(`${base}.from`, m.from);
    if ('rename' in m && m.rename) {
      if (!declared(m.rename.to)) out.push(at(`${base}.rename.to`, 'UPGRADE_INVALID', `names "${m.rename.to}", which is not an input of this version`));
      if (declared(m.rename.input))
        out.push(at(`${base}.rename.input`, 'UPGRADE_INVALID', `names "${m.rename.input}", which is still an input of this version`));
    }
    if ('drop' in m && m.drop && declared(m.drop.input))
      out.push(at(`${base}.drop.input`, 'UPGRADE_INVALID', `names "${m.drop.input}", which is still an input of this version`));
    if ('map' in m && m.map && !declared(m.map.input))
      out.push(at(`${base}.map.input`, 'UPGRADE_INVALID', `names "${m.map.input}", which is not an input of this version`));
    if ('set' in m && m.set) {
      if (!declared(m.set.input)) out.push(at(`${base}.set.input`, 'UPGRADE_INVALID', `names "${m.set.input}", which is not an input of this version`));
      if (typeof m.set.template === 'string') {
        const parsed = parseTemplate(m.set.template);
        for (const message of parsed.errors) out.push(at(`${base}.set.template`, 'TEMPLATE_INVALID', message));
        for (const s of parsed.segments)
          if (s.kind === 'ref' && (s.ref.length !== 2 || s.ref[0] !== 'inputs'))
            out.push(at(`${base}.set.template`, 'UPGRADE_INVALID', `"${s.source}" must refer to an input of the earlier version, like \${{ inputs.NAME }}`));
      }
    }
  });
  (Array.isArray(upgrade.data) ? upgrade.data : []).forEach((d, i) => range(`upgrade.data.${i}.from`, d.from));
  return out;
}
