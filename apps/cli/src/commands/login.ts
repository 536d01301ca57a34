import { error } from '../../../../libs/diagnostics/index.js';
import type { Command, CommandContext } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { UsageError } from '../parse-args.js';
import { graphqlRequest } from '../registry/graphql-request.js';
import { RegistryError } from '../registry/registry-error.js';
import { normalizeRegistryUrl } from '../registry/registry-url.js';
import { readUserConfig, userConfigPath, writeUserConfig } from '../registry/user-config.js';

// A token is a line of text; a whole file on stdin is a mistake, not a token.
const MAX_TOKEN_INPUT = 16 * 1024;

export const loginCommand: Command = {
  name: 'login',
  summary: 'store an Aisle service’s address and a token for it (checked first) in your config',
  usage: 'aisle login URL [--with-token | --token TOKEN]',
  options: [
    { name: 'with-token', type: 'boolean', description: 'read the token from standard input (aisle token create … | aisle login URL --with-token)' },
    {
      name: 'token',
      type: 'string',
      valueName: 'TOKEN',
      description: 'the token (default: $AISLE_TOKEN); prefer --with-token, which keeps it out of your shell history',
    },
  ],
  async run(ctx) {
    const [address, ...extra] = ctx.args.positionals;
    if (!address || extra.length > 0) throw new UsageError('expects exactly one URL, such as https://aisle.example.com');
    const url = normalizeRegistryUrl(address, 'URL');
    const token = await tokenFrom(ctx);
    const host = new URL(url).hostname;
    if (url.startsWith('http:') && !['localhost', '127.0.0.1', '[::1]'].includes(host) && !ctx.json) {
      ctx.io.err(`warning: ${url} is not https: the token travels unencrypted on every request\n`);
    }
    // Checked before it is stored: a mistyped token fails here, not on the first publish.
    const { viewer } = await graphqlRequest<{ viewer: { organization: string | null; scopes: string[] } }>(
      { url, token },
      'query Viewer { viewer { organization scopes } }',
    );
    if (!viewer.organization) throw new RegistryError([error('TOKEN_INVALID', url, `${url} does not recognise the token as any organization's`)]);
    const file = userConfigPath(ctx.io.env);
    const config = readUserConfig(file);
    config.registries[url] = { token, organization: viewer.organization, scopes: viewer.scopes };
    writeUserConfig(file, config);
    const result = { registry: url, organization: viewer.organization, scopes: viewer.scopes, config: file };
    if (ctx.json) return ctx.report([], result);
    ctx.io.out(
      `logged in to ${url} as ${viewer.organization} (${viewer.scopes.length ? viewer.scopes.join(', ') : 'no scopes: reads private components'}); token stored in ${file}\n`,
    );
    return ExitCode.Ok;
  },
};

async function tokenFrom(ctx: CommandContext): Promise<string> {
  const option = ctx.args.options.token as string | undefined;
  const withToken = ctx.args.options['with-token'] === true;
  if (option !== undefined && withToken) throw new UsageError('give the token once: --with-token or --token');
  let token: string | undefined;
  if (withToken) {
    if (!ctx.io.stdin) throw new UsageError('--with-token reads standard input, and there is none here');
    const text = await ctx.io.stdin();
    if (text.length > MAX_TOKEN_INPUT) throw new UsageError('--with-token read more than a token from standard input');
    token = text.trim();
  } else token = option?.trim() || ctx.io.env.AISLE_TOKEN?.trim();
  if (!token) throw new UsageError('needs a token: pipe it in with --with-token, or set AISLE_TOKEN (create one with aisle token create)');
  if (/\s/.test(token)) throw new UsageError('a token is one word without spaces or line breaks');
  return token;
}
