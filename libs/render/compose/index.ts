export { renderCompose, COMPOSE_FILE, ENV_FILE } from './render-compose.js';
export { readComposeSecrets } from './read-compose-secrets.js';
export { parseDotenv } from './parse-dotenv.js';
export type { DotenvEntry } from './parse-dotenv.js';
export { dotenvChunks } from './dotenv-chunks.js';
