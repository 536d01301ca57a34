import type { OptionSpec, ParsedArgs } from '../parse-args.js';
import { UsageError } from '../parse-args.js';
import type { RegistryConnection } from './graphql-request.js';
import { normalizeRegistryUrl } from './registry-url.js';
import { readUserConfig, userConfigPath } from './user-config.js';

/** `--registry URL`: the catalog commands ask an Aisle service instead of the catalog folder. */
export const REGISTRY_OPTION: OptionSpec = {
  name: 'registry',
  type: 'string',
  valueName: 'URL',
  description: 'an Aisle service to use instead of the catalog folder (default: $AISLE_REGISTRY); sends the token of aisle login',
};

type Env = Record<string, string | undefined>;

/**
 * The service a command talks to: `--registry`, else `$AISLE_REGISTRY`; with `required`,
 * else the one service logged in to. The token: `$AISLE_TOKEN`, else the stored login's
 * for that service, else none (anonymous: public components only). Undefined: local mode.
 */
export function registryConnection(args: ParsedArgs, env: Env, options: { required?: boolean } = {}): RegistryConnection | undefined {
  const option = args.options.registry as string | undefined;
  const fromEnv = env.AISLE_REGISTRY?.trim() ? env.AISLE_REGISTRY.trim() : undefined;
  if (option !== undefined && args.options.catalog !== undefined)
    throw new UsageError('--catalog and --registry each name where components come from: give one');
  // An explicit --catalog is the user's choice for this command: $AISLE_REGISTRY does not override it.
  if (option === undefined && args.options.catalog !== undefined) {
    if (options.required) throw new UsageError('talks to an Aisle service, not a catalog folder: drop --catalog');
    return undefined;
  }
  let url: string | undefined;
  if (option !== undefined) url = normalizeRegistryUrl(option, '--registry');
  else if (fromEnv !== undefined) url = normalizeRegistryUrl(fromEnv, 'AISLE_REGISTRY');
  if (url === undefined && !options.required) return undefined;
  const fromTokenEnv = env.AISLE_TOKEN?.trim() ? env.AISLE_TOKEN.trim() : undefined;
  // Read only when it can matter, so a broken config file does not stand in the way of AISLE_TOKEN.
  const logins = url === undefined || fromTokenEnv === undefined ? readUserConfig(userConfigPath(env)).registries : {};
  if (url === undefined) {
    const known = Object.keys(logins);
    if (known.length !== 1) {
      throw new UsageError(
        known.length === 0
          ? 'which Aisle service? pass --registry URL (or set AISLE_REGISTRY), or aisle login URL first'
          : `logged in to ${known.join(', ')}: pick one with --registry URL`,
      );
    }
    url = known[0]!;
  }
  const token = fromTokenEnv ?? logins[url]?.token;
  return { url, ...(token ? { token } : {}) };
}
