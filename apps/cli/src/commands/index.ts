import type { Command } from '../command.js';
import { aislesCommand } from './aisles.js';
import { certifyCommand } from './certify.js';
import { composeCommand } from './compose.js';
import { deprecateCommand } from './deprecate.js';
import { getCommand } from './get.js';
import { importCommand } from './import.js';
import { historyCommand } from './history.js';
import { lintCommand } from './lint.js';
import { loginCommand } from './login.js';
import { logoutCommand } from './logout.js';
import { outdatedCommand } from './outdated.js';
import { publishCommand } from './publish.js';
import { rollbackCommand } from './rollback.js';
import { searchCommand } from './search.js';
import { serveCommand } from './serve.js';
import { showCommand } from './show.js';
import { tokenCommand } from './token.js';
import { upgradeCommand } from './upgrade.js';
import { validateCommand } from './validate.js';
import { verifyCommand } from './verify.js';

/** Every `aisle` sub-command, in the order `aisle --help` lists them. */
export const COMMANDS: Command[] = [
  aislesCommand,
  searchCommand,
  showCommand,
  getCommand,
  composeCommand,
  validateCommand,
  importCommand,
  outdatedCommand,
  upgradeCommand,
  historyCommand,
  rollbackCommand,
  lintCommand,
  certifyCommand,
  verifyCommand,
  serveCommand,
  tokenCommand,
  loginCommand,
  logoutCommand,
  publishCommand,
  deprecateCommand,
];
