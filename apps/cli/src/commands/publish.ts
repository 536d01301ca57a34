import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { MANIFEST_FILE } from '../../../../libs/catalog/index.js';
import { error, warning, type Diagnostic } from '../../../../libs/diagnostics/index.js';
import { MAX_MANIFEST_BYTES, parseManifest } from '../../../../libs/manifest/index.js';
import type { Command } from '../command.js';
import { ExitCode, isDiagnosticCode } from '../exit-code.js';
import { UsageError } from '../parse-args.js';
import { graphqlRequest } from '../registry/graphql-request.js';
import { RegistryError } from '../registry/registry-error.js';
import { REGISTRY_OPTION, registryConnection } from '../registry/registry-option.js';

const PUBLISH = `mutation Publish($manifest: String!, $visibility: Visibility) {
  publishComponent(manifest: $manifest, visibility: $visibility) { created warnings { code path message } version { name version digest } }
}`;

interface PublishAnswer {
  publishComponent: {
    created: boolean;
    warnings: Array<{ code: string; path: string; message: string }>;
    version: { name: string; version: string; digest: string };
  };
}

export const publishCommand: Command = {
  name: 'publish',
  summary: 'publish a component version (its component.yaml) to an Aisle service',
  usage: 'aisle publish DIR|component.yaml [--private] [--registry URL]',
  options: [{ name: 'private', type: 'boolean', description: 'a new component is seen by your organization only (name it ORG/NAME)' }, REGISTRY_OPTION],
  async run(ctx) {
    const [target, ...extra] = ctx.args.positionals;
    if (!target || extra.length > 0) throw new UsageError('expects exactly one DIR or component.yaml');
    const connection = registryConnection(ctx.args, ctx.io.env, { required: true })!;
    const path = resolve(ctx.io.cwd, target);
    const file = isDirectory(path) ? join(path, MANIFEST_FILE) : path;
    const shown = relative(ctx.io.cwd, file) || file;
    let text: string;
    try {
      if (statSync(file).size > MAX_MANIFEST_BYTES)
        return ctx.report([error('YAML_TOO_LARGE', shown, `is larger than ${MAX_MANIFEST_BYTES} bytes`, { file: shown })]);
      text = readFileSync(file, 'utf8');
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
      return ctx.report([error('FILE_UNREADABLE', shown, `cannot read: ${reason}`, { file: shown })]);
    }
    // Read here first: what this CLI can tell is wrong is told with file:line:col, and nothing is sent.
    const parsed = parseManifest(text, shown);
    if (!parsed.value) return ctx.report(parsed.diagnostics);
    let answer: PublishAnswer;
    try {
      answer = await graphqlRequest<PublishAnswer>(connection, PUBLISH, { manifest: text, visibility: ctx.args.options.private === true ? 'PRIVATE' : null });
    } catch (e) {
      // The service's problems are about this file: say so, as for the CLI's own.
      if (e instanceof RegistryError)
        return ctx.report(
          e.diagnostics.map((d) => (d.code.startsWith('REGISTRY_') || d.code.startsWith('TOKEN_') || d.code === 'SCOPE_MISSING' ? d : { ...d, file: shown })),
        );
      throw e;
    }
    const { created, version, warnings } = answer.publishComponent;
    const problems: Diagnostic[] = warnings.map((w) => warning(isDiagnosticCode(w.code) ? w.code : 'LINT_RULE', w.path, w.message, { file: shown }));
    const result = { registry: connection.url, name: version.name, version: version.version, digest: version.digest, created };
    if (ctx.json) return ctx.report(problems, result);
    ctx.report(problems);
    ctx.io.out(
      created
        ? `published ${version.name}@${version.version} to ${connection.url} (${version.digest})\n`
        : `${version.name}@${version.version} is already published to ${connection.url} with this digest: nothing changed\n`,
    );
    return ExitCode.Ok;
  },
};

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
