/** A server's start-up seeding alone, in a process of its own (lib/setup/startup.test.ts starts two at once). */
import { closeDatabase } from '@/db/client';
import { startupOrExit } from '@/lib/setup/startup';

async function main(): Promise<void> {
  await startupOrExit();
  await closeDatabase();
}

void main();
