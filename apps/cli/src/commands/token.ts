import { isScopeName } from '../../../../libs/manifest/index.js';
import type { Command, CommandContext } from '../command.js';
import { DATABASE_URL_OPTION } from '../database-url-option.js';
import { ExitCode } from '../exit-code.js';
import { UsageError } from '../parse-args.js';

const KNOWN_SCOPES = ['publish', 'certify', 'admin'];

export const tokenCommand: Command = {
  name: 'token',
  summary: 'create, list and revoke the GraphQL service’s bearer tokens (talks to its database)',
  usage: 'aisle token create --org ORG [--scopes publish,certify,admin] [--description TEXT] | aisle token list [--org ORG] | aisle token revoke ID  [--database-url URL]',
  options: [
    { name: 'org', type: 'string', valueName: 'ORG', description: 'the organization the token acts for' },
    { name: 'scopes', type: 'string', valueName: 'LIST', description: 'comma-separated: publish, certify, admin (default: none, read private components only)' },
    { name: 'description', type: 'string', valueName: 'TEXT', description: 'a note saying what the token is for' },
    DATABASE_URL_OPTION,
  ],
  async run(ctx) {
    const [action, ...rest] = ctx.args.positionals;
    if (action !== 'create' && action !== 'list' && action !== 'revoke') throw new UsageError('expects create, list or revoke');
    const org = ctx.args.options.org as string | undefined;
    if (org !== undefined && !isScopeName(org)) {
      throw new UsageError(`--org "${org}" must be a lower-case name such as acme (letters, digits and hyphens, at most 63): it is also the scope of the organization's components, acme/vault`);
    }
    let id: number | undefined;
    if (action === 'revoke') {
      id = Number(rest[0]);
      if (rest.length !== 1 || !Number.isInteger(id) || id <= 0) throw new UsageError('revoke expects one token ID (see aisle token list)');
    } else if (rest.length > 0) throw new UsageError(`${action} takes no positional arguments`);
    if (action === 'create' && org === undefined) throw new UsageError('create needs --org ORG');
    const scopes = parseScopes(ctx.args.options.scopes as string | undefined);
    const description = ctx.args.options.description as string | undefined;
    if (description !== undefined && description.length > 200) throw new UsageError('--description must be at most 200 characters');
    // Loaded only here: TypeORM and the database driver are heavy, and no other command needs them.
    const { createDataSource } = await import('../../../api/src/database/create-data-source.js');
    const { databaseUrlFromEnv } = await import('../../../api/src/database/database-options.js');
    const { TokenStore } = await import('../../../api/src/auth/token-store.js');
    const option = ctx.args.options['database-url'] as string | undefined;
    const dataSource = await createDataSource({ url: databaseUrlFromEnv({ DATABASE_URL: option ?? ctx.io.env.DATABASE_URL }, ctx.io.cwd) });
    try {
      const store = new TokenStore(dataSource);
      if (action === 'create') return await create(ctx, store, org!, scopes);
      if (action === 'list') {
        const tokens = await store.list(org);
        if (ctx.json) return ctx.report([], tokens);
        for (const t of tokens) {
          ctx.io.out(`${String(t.id).padStart(4)}  ${t.prefix}…  ${t.organization}  ${t.scopes.join(',') || '(no scopes)'}  created ${t.createdAt}${t.revokedAt ? `  revoked ${t.revokedAt}` : ''}${t.description ? `  ${t.description}` : ''}\n`);
        }
        return ExitCode.Ok;
      }
      const revoked = await store.revoke(id!);
      if (!revoked) throw new UsageError(`no live token with ID ${id}`);
      if (ctx.json) return ctx.report([], { id, revoked: true });
      ctx.io.out(`revoked token ${id}\n`);
      return ExitCode.Ok;
    } finally {
      await dataSource.destroy();
    }
  },
};

async function create(ctx: CommandContext, store: import('../../../api/src/auth/token-store.js').TokenStore, org: string, scopes: Array<'publish' | 'certify' | 'admin'>) {
  const { token, info } = await store.create(org, scopes, ctx.args.options.description as string | undefined);
  if (ctx.json) return ctx.report([], { token, ...info });
  ctx.io.out(`${token}\n`);
  ctx.io.err(`token ${info.id} for ${org} (${info.scopes.join(', ') || 'no scopes'}); it is shown only this once: store it now.\n`);
  return ExitCode.Ok;
}

function parseScopes(text: string | undefined): Array<'publish' | 'certify' | 'admin'> {
  if (text === undefined || text.trim() === '') return [];
  const scopes = text.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = scopes.filter((s) => !KNOWN_SCOPES.includes(s));
  if (unknown.length > 0) throw new UsageError(`unknown scope(s) ${unknown.join(', ')}; choose from ${KNOWN_SCOPES.join(', ')}`);
  return scopes as Array<'publish' | 'certify' | 'admin'>;
}
