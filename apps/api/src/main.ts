import { serve } from './serve.js';

// `npm start`: the GraphQL service, configured by PORT, HOST, DATABASE_URL, AISLE_CATALOG, LOG_LEVEL.
serve(process.env).catch((e: Error) => {
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: 'error', msg: 'the service could not start', error: e.message })}\n`);
  process.exit(1);
});
