import type { Command } from './command';
import { backup, copy, demo, migrate, restore, synth } from './commands/db';
import { checkCommand } from './commands/check';
import { unitCommand, unitsCommand, userCommand, usersCommand } from './commands/departments';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { libraryCommand } from './commands/library';
import { lightsCommand } from './commands/lights';
import { parseCommand, renderCommand, valuesCommand } from './commands/published';
import { selfevalCommand } from './commands/selfeval';

export const commands: readonly Command[] = [
  migrate, demo, backup, restore, copy, synth, parseCommand, renderCommand, valuesCommand, checkCommand, importCommand, exportCommand,
  lightsCommand, selfevalCommand, libraryCommand, unitCommand, userCommand, unitsCommand, usersCommand,
];
