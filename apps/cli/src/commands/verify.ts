import { dirname, join } from 'node:path';
import { CERTIFICATION_FILE } from '../../../../libs/catalog/index.js';
import { createCatalogVerifier, KIT_RULES, LINT_RULES } from '../../../../libs/certify/index.js';
import { error, warning, type Diagnostic } from '../../../../libs/diagnostics/index.js';
import { commandCatalogTarget, loadTarget } from '../catalog-target.js';
import { cliTrustStore } from '../catalog-verifier.js';
import type { Command } from '../command.js';
import { formatTable } from '../format-table.js';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check every certification record against the trust store and the current manifest digest',
  usage: 'aisle verify [DIR] [--trust DIR]',
  options: [
    {
      name: 'trust',
      type: 'string',
      valueName: 'DIR',
      description: "trust store: a folder of certifiers' public keys (default: $AISLE_TRUST_DIR, else trust/)",
    },
  ],
  run(ctx) {
    const target = commandCatalogTarget(ctx);
    const trust = cliTrustStore(ctx.io.env, ctx.io.cwd, ctx.args.options.trust as string | undefined);
    const loaded = loadTarget(target, ctx.io.cwd, createCatalogVerifier(trust));
    // The loader's "loads as uncertified" warnings are restated below as errors, one per version.
    const diagnostics: Diagnostic[] = [...trust.diagnostics, ...loaded.diagnostics.filter((d) => d.code !== 'CERTIFICATION_INVALID')];
    const kitSources = new Set(loaded.kits.map((k) => k.source));
    const rows = [...loaded.versions, ...loaded.kits].map((v) => {
      const record = join(dirname(v.source), CERTIFICATION_FILE);
      const c = v.certification;
      if (!c.verified) {
        const missing = c.code === 'CERTIFICATION_MISSING';
        diagnostics.push(
          error(c.code ?? 'CERTIFICATION_INVALID', missing ? dirname(v.source) : record, `${v.name}@${v.version} is not certified: ${c.reason}`, {
            file: missing ? dirname(v.source) : record,
          }),
        );
      } else {
        // Rules added since signing were never checked; the record stays valid, but say so.
        // A deprecated version is withdrawn and immutable: its record is that of its day.
        const unchecked = v.deprecated ? [] : (kitSources.has(v.source) ? KIT_RULES : LINT_RULES).filter((rule) => !(c.checks ?? []).includes(rule));
        if (unchecked.length > 0)
          diagnostics.push(
            warning(
              'CERTIFICATION_INVALID',
              record,
              `${v.name}@${v.version} was certified before the rule(s) ${unchecked.join(', ')} existed; re-certify to cover them`,
              { file: record },
            ),
          );
      }
      return {
        name: v.name,
        version: v.version,
        digest: v.digest,
        file: record,
        verified: c.verified,
        level: c.level,
        certifier: c.certifier ?? null,
        issuedAt: c.issuedAt ?? null,
        reason: c.reason ?? null,
      };
    });
    const code = ctx.report(diagnostics, { trustStore: trust.dir, keys: [...trust.keys.keys()], versions: rows });
    if (!ctx.json) {
      const verified = rows.filter((r) => r.verified);
      if (verified.length > 0)
        ctx.io.out(
          formatTable(
            ['COMPONENT', 'LEVEL', 'CERTIFIER', 'ISSUED'],
            verified.map((r) => [`${r.name}@${r.version}`, r.level, r.certifier ?? '', r.issuedAt ?? '']),
          ) + '\n',
        );
      ctx.io.out(`${rows.filter((r) => r.verified).length} of ${rows.length} version(s) certified by a trusted key\n`);
    }
    return code;
  },
};
