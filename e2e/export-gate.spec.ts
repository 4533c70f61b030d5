import { expect, test } from '@playwright/test';
import { checkExportGate } from '../scripts/reliability/export-gate';

// A server of its own (scripts/reliability/export-gate.ts): large exports' places come back after HEAD
// requests, a download abandoned midway and a request abandoned in the queue.
test('the export gate frees its places however a download ends', async () => {
  test.setTimeout(180_000);
  const lines: string[] = [];
  const problems = await checkExportGate(300, (l) => lines.push(l));
  console.log(lines.join('\n'));
  expect(problems).toEqual([]);
});
