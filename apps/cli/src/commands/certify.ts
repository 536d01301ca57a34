import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { CERTIFICATION_FILE } from '../../../../libs/catalog/index.js';
import {
  CERTIFICATION_LEVELS,
  keyId,
  KIT_RULES,
  LINT_RULES,
  serializeCertification,
  signCertification,
  type CertificationLevel,
} from '../../../../libs/certify/index.js';
import { error, hasErrors, warning, type Diagnostic } from '../../../../libs/diagnostics/index.js';
import { catalogTarget, loadTarget, locateDiagnostics } from '../catalog-target.js';
import { cliTrustStore } from '../catalog-verifier.js';
import { lintLoaded } from '../lint-loaded.js';
import type { Command } from '../command.js';
import { UsageError } from '../parse-args.js';

export const certifyCommand: Command = {
  name: 'certify',
  summary: 'lint one component or kit version and, if it passes, sign its certification record',
  usage: 'aisle certify catalog/NAME/VERSION --key KEY.pem [--level LEVEL] [--trust DIR]',
  options: [
    { name: 'key', type: 'string', valueName: 'KEY.pem', description: "the certifier's Ed25519 private key (PKCS#8 PEM), read by path and never copied" },
    { name: 'level', type: 'string', valueName: 'LEVEL', description: `certification level: ${CERTIFICATION_LEVELS.join(', ')} (default: certified)` },
    {
      name: 'trust',
      type: 'string',
      valueName: 'DIR',
      description: "trust store: a folder of certifiers' public keys (default: $AISLE_TRUST_DIR, else trust/)",
    },
  ],
  run(ctx) {
    const [dir, ...extra] = ctx.args.positionals;
    if (!dir || extra.length > 0) throw new UsageError('expects exactly one version folder, e.g. catalog/postgresql/16.10.0', 'catalog/NAME/VERSION');
    const keyPath = ctx.args.options.key as string | undefined;
    if (!keyPath) throw new UsageError("needs --key KEY.pem (the certifier's Ed25519 private key)", '--key');
    const level = (ctx.args.options.level as string | undefined) ?? 'certified';
    if (!(CERTIFICATION_LEVELS as readonly string[]).includes(level))
      throw new UsageError(`--level must be one of: ${CERTIFICATION_LEVELS.join(', ')}`, '--level');
    const target = catalogTarget(ctx.io.cwd, dir);
    if (!target || target.kind !== 'version')
      throw new UsageError(`${dir} is not a component version folder (catalog/NAME/VERSION), nor a kit's`, 'catalog/NAME/VERSION');

    const key = readKey(resolve(ctx.io.cwd, keyPath), keyPath);
    const loaded = loadTarget(target, ctx.io.cwd);
    const diagnostics: Diagnostic[] = [...key.diagnostics, ...locateDiagnostics(lintLoaded(loaded), ctx.io.cwd)];
    // A kit folder is certified the same way, against its own checks.
    const version = loaded.versions[0] ?? loaded.kits[0];
    const checks = loaded.versions[0] ? LINT_RULES : KIT_RULES;
    if (hasErrors(diagnostics) || !version || !key.privateKey) {
      if (!ctx.json) ctx.io.err(`not certified: ${relative(ctx.io.cwd, target.dir) || '.'} fails the checks below; nothing written\n`);
      return ctx.report(diagnostics);
    }
    const id = keyId(key.privateKey);
    const trust = cliTrustStore(ctx.io.env, ctx.io.cwd, ctx.args.options.trust as string | undefined);
    if (!trust.keys.has(id)) {
      diagnostics.push(
        warning(
          'CERTIFICATION_INVALID',
          trust.dir,
          `key ${id} is not in the trust store ${trust.dir}; the record will not verify there until its public key is added`,
          { file: trust.dir },
        ),
      );
    }
    const record = signCertification({
      component: version.name,
      version: version.version,
      digest: version.digest,
      checks,
      privateKey: key.privateKey,
      level: level as CertificationLevel,
    });
    const file = join(target.dir, CERTIFICATION_FILE);
    // Write beside, then rename: a crash never leaves a truncated record in place.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, serializeCertification(record));
    renameSync(temporary, file);
    const shown = relative(ctx.io.cwd, file);
    if (!ctx.json) ctx.io.out(`certified ${version.name}@${version.version} (${version.digest}) with key ${id}\nwrote ${shown}\n`);
    return ctx.report(diagnostics, { file: shown, record });
  },
};

function readKey(path: string, shown: string): { privateKey?: KeyObject; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { diagnostics: [error('FILE_UNREADABLE', shown, `cannot read the key: ${(e as NodeJS.ErrnoException).code ?? 'unreadable'}`, { file: shown })] };
  }
  try {
    const privateKey = createPrivateKey(text);
    if (privateKey.asymmetricKeyType !== 'ed25519') {
      return {
        diagnostics: [error('KEY_INVALID', shown, `is a ${privateKey.asymmetricKeyType} key; certifications are signed with Ed25519`, { file: shown })],
      };
    }
    return { privateKey, diagnostics: [] };
  } catch {
    // Say nothing about the content: it is key material.
    return { diagnostics: [error('KEY_INVALID', shown, 'is not a PEM private key', { file: shown })] };
  }
}
