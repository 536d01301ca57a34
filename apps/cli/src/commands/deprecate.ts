import semver from 'semver';
import { parseComponentName } from '../../../../libs/manifest/index.js';
import type { Command } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { UsageError } from '../parse-args.js';
import { graphqlRequest } from '../registry/graphql-request.js';
import { REGISTRY_OPTION, registryConnection } from '../registry/registry-option.js';

const DEPRECATE = `mutation Deprecate($component: String!, $version: String!, $reason: String!) {
  deprecateComponentVersion(component: $component, version: $version, reason: $reason) { name version deprecated }
}`;

export const deprecateCommand: Command = {
  name: 'deprecate',
  summary: 'mark a published version deprecated on an Aisle service (ranges then prefer others)',
  usage: 'aisle deprecate NAME@VERSION --reason TEXT [--registry URL]',
  options: [
    { name: 'reason', type: 'string', valueName: 'TEXT', description: 'why, and what to use instead (shown to everyone who picks it)' },
    REGISTRY_OPTION,
  ],
  async run(ctx) {
    const [reference, ...extra] = ctx.args.positionals;
    if (!reference || extra.length > 0) throw new UsageError('expects exactly one NAME@VERSION, such as acme/vault@1.2.0');
    const at = reference.lastIndexOf('@');
    const name = at > 0 ? reference.slice(0, at) : reference;
    const version = at > 0 ? reference.slice(at + 1) : '';
    if (!parseComponentName(name) || semver.valid(version) !== version)
      throw new UsageError(`"${reference.slice(0, 120)}" must name one exact version, such as acme/vault@1.2.0`);
    const reason = (ctx.args.options.reason as string | undefined)?.trim();
    if (!reason) throw new UsageError('needs --reason TEXT: why, and what to use instead');
    const connection = registryConnection(ctx.args, ctx.io.env, { required: true })!;
    const { deprecateComponentVersion: v } = await graphqlRequest<{ deprecateComponentVersion: { name: string; version: string; deprecated: string | null } }>(
      connection,
      DEPRECATE,
      { component: name, version, reason },
    );
    if (ctx.json) return ctx.report([], { registry: connection.url, name: v.name, version: v.version, deprecated: v.deprecated });
    ctx.io.out(`deprecated ${v.name}@${v.version} on ${connection.url}: ${v.deprecated}\n`);
    return ExitCode.Ok;
  },
};
