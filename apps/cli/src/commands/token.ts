import { error } from '../../../../libs/diagnostics/index.js';
import { isScopeName } from '../../../../libs/manifest/index.js';
import type { Command, CommandContext } from '../command.js';
import { DATABASE_URL_OPTION } from '../database-url-option.js';
import { ExitCode } from '../exit-code.js';
import { formatTable } from '../format-table.js';
import { UsageError } from '../parse-args.js';

const KNOWN_SCOPES = ['publish', 'certify', 'admin'];
type TokenStore = import('../../../api/src/auth/token-store.js').TokenStore;

export const tokenCommand: Command = {
  name: 'token',
  summary: 'create, list and revoke the GraphQL service’s bearer tokens, in its database',
  usage: 'aisle token (create --org ORG [--scopes LIST] [--description TEXT] [--init] | list [--org ORG] | revoke ID) [--database-url URL]',
  options: [
    { name: 'org', type: 'string', valueName: 'ORG', description: 'the organization the token acts for' },
    {
      name: 'scopes',
      type: 'string',
      valueName: 'LIST',
      description: 'comma-separated: publish, certify, admin (default: none, read private components only)',
    },
    { name: 'description', type: 'string', valueName: 'TEXT', description: 'a note saying what the token is for' },
    { name: 'init', type: 'boolean', description: 'create: make the database (SQLite file or tables) when it is not an Aisle database yet' },
    DATABASE_URL_OPTION,
  ],
  async run(ctx) {
    const [action, ...rest] = ctx.args.positionals;
    if (action !== 'create' && action !== 'list' && action !== 'revoke') throw new UsageError('expects create, list or revoke', action ?? '');
    const org = ctx.args.options.org as string | undefined;
    if (org !== undefined && !isScopeName(org)) {
      throw new UsageError(
        `--org "${org}" must be a lower-case name such as acme (letters, digits and hyphens, at most 63): it is also the scope of the organization's components, acme/vault`,
        '--org',
      );
    }
    let id: number | undefined;
    if (action === 'revoke') {
      id = Number(rest[0]);
      if (rest.length !== 1 || !/^\d+$/.test(rest[0]!) || !Number.isSafeInteger(id) || id <= 0)
        throw new UsageError('revoke expects one token ID, a number (aisle token list shows them)', 'ID');
    } else if (rest.length > 0) throw new UsageError(`${action} takes no positional arguments`, rest[0]);
    if (action === 'create' && org === undefined) throw new UsageError('create needs --org ORG', '--org');
    const init = ctx.args.options.init === true;
    if (init && action !== 'create') throw new UsageError('--init goes with create only', '--init');
    const scopes = parseScopes(ctx.args.options.scopes as string | undefined);
    const description = ctx.args.options.description as string | undefined;
    if (description !== undefined && description.length > 200) throw new UsageError('--description must be at most 200 characters', '--description');
    // Loaded only here: TypeORM and the database driver are heavy, and no other command needs them.
    const { databaseUrlFromEnv } = await import('../../../api/src/database/database-options.js');
    const { openExistingDatabase } = await import('../../../api/src/database/open-existing-database.js');
    const { shownDatabase } = await import('../../../api/src/database/shown-database.js');
    const { TokenStore } = await import('../../../api/src/auth/token-store.js');
    const option = ctx.args.options['database-url'] as string | undefined;
    const url = databaseUrlFromEnv({ DATABASE_URL: option ?? ctx.io.env.DATABASE_URL }, ctx.io.cwd);
    const database = shownDatabase(url, ctx.io.cwd);
    const opened = await openExistingDatabase(url, database, { create: init });
    if ('problem' in opened) {
      const hint =
        opened.problem.code === 'DATABASE_NOT_FOUND'
          ? `: point --database-url (or DATABASE_URL) at the database the service uses${action === 'create' ? ', or create an Aisle database there with --init (the service also creates one at its first start)' : ''}`
          : '';
      return ctx.report([error(opened.problem.code, '--database-url', `${opened.problem.message}${hint}`)]);
    }
    try {
      const store = new TokenStore(opened.dataSource);
      if (action === 'create') return await create(ctx, store, org!, scopes, database);
      if (action === 'list') return await list(ctx, store, org, database);
      return await revoke(ctx, store, id!, database);
    } finally {
      await opened.dataSource.destroy();
    }
  },
};

async function create(ctx: CommandContext, store: TokenStore, org: string, scopes: Array<'publish' | 'certify' | 'admin'>, database: string) {
  const { token, info } = await store.create(org, scopes, ctx.args.options.description as string | undefined);
  if (ctx.json) return ctx.report([], { token, ...info, database });
  ctx.io.out(`${token}\n`);
  ctx.io.err(`token ${info.id} for ${org} (${info.scopes.join(', ') || 'no scopes'}) written to ${database}; it is shown only this once: store it now.\n`);
  return ExitCode.Ok;
}

async function list(ctx: CommandContext, store: TokenStore, org: string | undefined, database: string) {
  const tokens = await store.list(org);
  if (ctx.json) return ctx.report([], tokens);
  if (tokens.length === 0) {
    ctx.io.err(`no tokens${org ? ` of ${org}` : ''} in ${database}\n`);
    return ExitCode.Ok;
  }
  const rows = tokens.map((t) => [
    String(t.id),
    `${t.prefix}…`,
    t.organization,
    t.scopes.join(',') || '(none)',
    t.createdAt,
    t.revokedAt ?? '',
    t.description ?? '',
  ]);
  ctx.io.out(formatTable(['ID', 'PREFIX', 'ORG', 'SCOPES', 'CREATED', 'REVOKED', 'DESCRIPTION'], rows));
  return ExitCode.Ok;
}

async function revoke(ctx: CommandContext, store: TokenStore, id: number, database: string) {
  if (!(await store.revoke(id))) {
    const known = (await store.list()).find((t) => t.id === id);
    const why = known ? `token ${id} was already revoked at ${known.revokedAt}` : `no token ${id} in ${database} (aisle token list shows the tokens)`;
    return ctx.report([error('TOKEN_NOT_FOUND', 'ID', why)]);
  }
  if (ctx.json) return ctx.report([], { id, revoked: true, database });
  ctx.io.out(`revoked token ${id} in ${database}\n`);
  return ExitCode.Ok;
}

function parseScopes(text: string | undefined): Array<'publish' | 'certify' | 'admin'> {
  if (text === undefined || text.trim() === '') return [];
  const scopes = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = scopes.filter((s) => !KNOWN_SCOPES.includes(s));
  if (unknown.length > 0) throw new UsageError(`unknown scope(s) ${unknown.join(', ')}; choose from ${KNOWN_SCOPES.join(', ')}`, '--scopes');
  return scopes as Array<'publish' | 'certify' | 'admin'>;
}
