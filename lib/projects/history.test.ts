/** The history names people as colleagues know them (issue #19 item 14), not by their sign-in names. */
import { beforeAll, describe, expect, it } from 'vitest';
import { rawRun, write } from '@/db/client';
import { sql } from 'drizzle-orm';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { sampleTable } from '@/lib/testing/tables';
import { createTable } from './commands/create-table';
import { projectHistory } from './history';

describe('projectHistory', () => {
  beforeAll(async () => {
    await seededDatabase();
  });

  it('shows the display name of whoever did each step', async () => {
    const { unit, unitYear } = await makeUnitYear('990101');
    const owner = await makeActor('zhang', [{ unitId: unit.id, role: 'owner' }]);
    await write(() => rawRun(sql`update users set display_name = ${'张编制甲'} where id = ${owner.id}`));
    const { projectId } = await createTable({ actor: owner, ip: null }, unitYear.id, sampleTable('13080024P00009810099A'));
    const history = await projectHistory(projectId);
    expect(history.length).toBeGreaterThan(0);
    expect(history.map((e) => e.who)).toEqual(history.map(() => '张编制甲'));
  });
});
