import type { Command } from './command';
import { backup, demo, migrate, restore, synth } from './commands/db';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';

export const commands: readonly Command[] = [migrate, demo, backup, restore, synth, importCommand, exportCommand];
