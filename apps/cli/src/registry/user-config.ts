import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { error } from '../../../../libs/diagnostics/index.js';
import { RegistryError } from './registry-error.js';

/** A stored login: the service address it is for and its bearer token. */
export interface StoredLogin {
  token: string;
  organization: string;
  scopes: string[];
}

/** The user's Aisle settings: logins by normalized service address. */
export interface UserConfig {
  registries: Record<string, StoredLogin>;
}

const MAX_CONFIG_BYTES = 1024 * 1024;

/** `$XDG_CONFIG_HOME/aisle/config.json`, by default `~/.config/aisle/config.json` (as gh keeps hosts.yml). */
export function userConfigPath(env: Record<string, string | undefined>): string {
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(env.HOME || homedir(), '.config');
  return join(base, 'aisle', 'config.json');
}

/** Reads the config; a missing file is an empty config, an unreadable one an Error naming the file (never its content). */
export function readUserConfig(file: string): UserConfig {
  if (!existsSync(file)) return { registries: {} };
  let parsed: unknown;
  // A diagnostic, not a crash; its words never quote the file, which holds tokens.
  const unreadable = (why: string) =>
    new RegistryError([error('FILE_UNREADABLE', file, `cannot read your Aisle config: ${why}; fix or remove it, then aisle login again`)]);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw unreadable((e as NodeJS.ErrnoException).code ?? 'the system refused');
  }
  if (text.length > MAX_CONFIG_BYTES) throw unreadable(`it is larger than ${MAX_CONFIG_BYTES} bytes`);
  try {
    parsed = JSON.parse(text);
  } catch {
    throw unreadable('it is not valid JSON');
  }
  const registries = (parsed as { registries?: unknown } | null)?.registries;
  if (typeof registries !== 'object' || registries === null || Array.isArray(registries)) return { registries: {} };
  const logins: Record<string, StoredLogin> = {};
  for (const [url, login] of Object.entries(registries as Record<string, unknown>)) {
    const l = login as Partial<StoredLogin> | null;
    if (typeof l?.token !== 'string') continue;
    logins[url] = {
      token: l.token,
      organization: typeof l.organization === 'string' ? l.organization : '',
      scopes: Array.isArray(l.scopes) ? l.scopes.filter((s): s is string => typeof s === 'string') : [],
    };
  }
  return { registries: logins };
}

/**
 * Writes the config readable by its owner only: the folder 0700, the file 0600, written
 * beside and renamed into place so a crash never leaves half a file (or a moment where
 * the token sits in a file others may read).
 */
export function writeUserConfig(file: string, config: UserConfig): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600, flag: 'w' });
    chmodSync(temporary, 0o600);
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}
