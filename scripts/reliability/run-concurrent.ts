// Ad-hoc runner against a server already running: npx tsx scripts/reliability/run-concurrent.ts BASE DB CLIENTS SAVES [OWNERS]
import { actionIds } from './http';
import { concurrentSaves } from './concurrent';
import { distDir } from './server';

async function main(): Promise<void> {
  const [base, db, clients, saves, owners] = process.argv.slice(2);
  const r = await concurrentSaves({ base: base!, ids: actionIds(distDir()), databasePath: db!, clients: Number(clients), saves: Number(saves), owners: Number(owners ?? 1) });
  console.log(r);
}
void main();
