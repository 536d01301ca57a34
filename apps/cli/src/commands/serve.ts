import type { Command } from '../command.js';
import { DATABASE_URL_OPTION } from '../database-url-option.js';
import { ExitCode } from '../exit-code.js';
import { UsageError } from '../parse-args.js';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the GraphQL service (what npm start runs) until SIGTERM',
  usage: 'aisle serve [--port N] [--host HOST] [--database-url URL] [--catalog DIR]',
  options: [
    { name: 'port', type: 'string', valueName: 'N', description: 'port to listen on (default: $PORT, else 3000)' },
    { name: 'host', type: 'string', valueName: 'HOST', description: 'address to listen on (default: $HOST, else 0.0.0.0)' },
    DATABASE_URL_OPTION,
  ],
  async run(ctx) {
    if (ctx.args.positionals.length > 0) throw new UsageError('takes no positional arguments', ctx.args.positionals[0]);
    const o = ctx.args.options;
    const env = { ...ctx.io.env };
    if (o.port !== undefined) {
      if (!/^\d{1,5}$/.test(o.port as string) || Number(o.port) > 65535) throw new UsageError(`--port "${o.port}" is not a port number`, '--port');
      env.PORT = o.port as string;
    }
    if (o.host !== undefined) env.HOST = o.host as string;
    if (o['database-url'] !== undefined) env.DATABASE_URL = o['database-url'] as string;
    if (o.catalog !== undefined) env.AISLE_CATALOG = o.catalog as string;
    // Nest loads only for this command: every other command stays fast.
    const { serve } = await import('../../../api/src/serve.js');
    await serve(env, ctx.io.cwd);
    return ExitCode.Ok;
  },
};
