import './enable-compile-cache.js';
import { JsonLogger } from './common/json-logger.js';
import { serve } from './serve.js';

// `npm start`: the GraphQL service, configured by PORT, HOST, DATABASE_URL, AISLE_CATALOG, LOG_LEVEL.
serve(process.env).catch((e: Error & { code?: string }) => {
  // One line, in the service's format, saying in plain words why (a taken port: which, and what to do).
  new JsonLogger((line) => process.stderr.write(line), 'error').write('error', `the service could not start: ${e.message}`, e.code ? { code: e.code } : {});
  process.exit(1);
});
