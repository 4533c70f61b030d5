import type { Command } from './command';
import { backup, copy, demo, migrate, restore, synth } from './commands/db';
import { checkCommand } from './commands/check';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { parseCommand, renderCommand, valuesCommand } from './commands/published';

export const commands: readonly Command[] = [migrate, demo, backup, restore, copy, synth, parseCommand, renderCommand, valuesCommand, checkCommand, importCommand, exportCommand];
