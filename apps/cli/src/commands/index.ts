import type { Command } from '../command.js';
import { aislesCommand } from './aisles.js';
import { certifyCommand } from './certify.js';
import { lintCommand } from './lint.js';
import { searchCommand } from './search.js';
import { showCommand } from './show.js';
import { verifyCommand } from './verify.js';

/** Every `aisle` sub-command, in the order `aisle --help` lists them. */
export const COMMANDS: Command[] = [aislesCommand, searchCommand, showCommand, lintCommand, certifyCommand, verifyCommand];
