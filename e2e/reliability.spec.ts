/**
 * The reduced reliability run inside `npm test` (the full one is `npm run test:reliability`): lost
 * updates, SIGKILL during writes and hostile input, each against its own server and database.
 */
import { expect, test } from '@playwright/test';
import { QUICK, runReliability } from '../scripts/reliability/main';

test('no lost updates, crash-safe writes, hostile input refused (reduced run)', async () => {
  test.setTimeout(240_000);
  const r = await runReliability(QUICK);
  for (const line of r.lines) console.log(line);
  expect(r.ok, r.lines.join('\n')).toBe(true);
});
