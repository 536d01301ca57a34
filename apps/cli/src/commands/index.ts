import type { Command } from '../command.js';

/**
 * Every `aisle` sub-command, in the order `aisle --help` lists them. Each module is
 * loaded only when its command runs (or help lists them all), so a command pays for
 * its own libraries and nobody else's.
 */
const LOADERS: Readonly<Record<string, () => Promise<Command>>> = {
  aisles: async () => (await import('./aisles.js')).aislesCommand,
  search: async () => (await import('./search.js')).searchCommand,
  show: async () => (await import('./show.js')).showCommand,
  get: async () => (await import('./get.js')).getCommand,
  compose: async () => (await import('./compose.js')).composeCommand,
  validate: async () => (await import('./validate.js')).validateCommand,
  import: async () => (await import('./import.js')).importCommand,
  outdated: async () => (await import('./outdated.js')).outdatedCommand,
  upgrade: async () => (await import('./upgrade.js')).upgradeCommand,
  history: async () => (await import('./history.js')).historyCommand,
  rollback: async () => (await import('./rollback.js')).rollbackCommand,
  lint: async () => (await import('./lint.js')).lintCommand,
  certify: async () => (await import('./certify.js')).certifyCommand,
  verify: async () => (await import('./verify.js')).verifyCommand,
  serve: async () => (await import('./serve.js')).serveCommand,
  token: async () => (await import('./token.js')).tokenCommand,
  login: async () => (await import('./login.js')).loginCommand,
  logout: async () => (await import('./logout.js')).logoutCommand,
  publish: async () => (await import('./publish.js')).publishCommand,
  deprecate: async () => (await import('./deprecate.js')).deprecateCommand,
};

/** The sub-commands' names, in help order. */
export const COMMAND_NAMES: readonly string[] = Object.keys(LOADERS);

/** One sub-command by name, loaded now; undefined for a name that is none. */
export async function loadCommand(name: string): Promise<Command | undefined> {
  return Object.hasOwn(LOADERS, name) ? LOADERS[name]!() : undefined;
}

/** Every sub-command, loaded (for the help overview). */
export async function loadCommands(): Promise<Command[]> {
  return Promise.all(COMMAND_NAMES.map((name) => LOADERS[name]!()));
}
