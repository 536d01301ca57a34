import type { Command } from '../command.js';
import { ExitCode } from '../exit-code.js';
import { UsageError } from '../parse-args.js';
import { normalizeRegistryUrl } from '../registry/registry-url.js';
import { readUserConfig, userConfigPath, writeUserConfig } from '../registry/user-config.js';

export const logoutCommand: Command = {
  name: 'logout',
  summary: 'forget the token stored for an Aisle service',
  usage: 'aisle logout [URL]',
  options: [],
  run(ctx) {
    const [address, ...extra] = ctx.args.positionals;
    if (extra.length > 0) throw new UsageError('expects at most one URL');
    const file = userConfigPath(ctx.io.env);
    const config = readUserConfig(file);
    const known = Object.keys(config.registries);
    let url: string;
    if (address !== undefined) url = normalizeRegistryUrl(address, 'URL');
    else if (known.length === 1) url = known[0]!;
    else throw new UsageError(known.length === 0 ? 'not logged in to any Aisle service' : `logged in to ${known.join(', ')}: name the one to log out of`);
    if (!config.registries[url]) throw new UsageError(`not logged in to ${url}${known.length ? ` (logged in to ${known.join(', ')})` : ''}`);
    delete config.registries[url];
    writeUserConfig(file, config);
    if (ctx.json) return ctx.report([], { registry: url, loggedOut: true });
    // The token still works until revoked on the service (aisle token revoke): say so, as gh does not.
    ctx.io.out(`logged out of ${url}; the token is forgotten here, and works until revoked on the service\n`);
    return ExitCode.Ok;
  },
};
