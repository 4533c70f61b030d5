import { and, eq, min } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, db, write } from '@/db/client';
import { indicators } from '@/db/schema';
import { findUnitByCode, findUnitYear } from '@/db/queries/units';
import { findUserByUsername } from '@/db/queries/users';
import { actorOf } from '@/lib/auth/session';
import { createTable } from '@/lib/projects/commands/create-table';
import { saveTable } from '@/lib/projects/commands/save-table';
import { loadDemo } from '@/lib/setup/demo';
import { freshDatabase } from '@/lib/testing/db';
import { openReader, type DbReader } from './db-reader';
import { versionedTable } from './fixtures';
import { inspectSaves } from './inspect';

/** The crash and backup checks must see a half-written table and a lost save, or they prove nothing. */
describe('inspectSaves', () => {
  let projectId = 0;
  let version = 0;
  let reader: DbReader;
  const code = '13080024PINSPECT00001';

  beforeAll(async () => {
    const target = await freshDatabase();
    await loadDemo();
    const who = { actor: await actorOf((await findUserByUsername('owner'))!), ip: null };
    const unitYearId = (await findUnitYear((await findUnitByCode('441001'))!.id, 2024))!.id;
    ({ projectId, version } = await createTable(who, unitYearId, versionedTable(code, 1)));
    for (let i = 0; i < 3; i++) version = (await saveTable(who, projectId, version, versionedTable(code, version + 1))).version;
    reader = await openReader(target);
  });
  afterAll(async () => {
    await reader.close();
    await closeDatabase();
  });

  it('passes whole versions and every acknowledged save', async () => {
    const r = await inspectSaves(reader, [projectId], [2, 3, 4].map((v) => ({ projectId, version: v })));
    expect(r).toMatchObject({ corrupt: false, missing: 0, halfWritten: 0 });
  });

  it('sees a save acknowledged but not stored', async () => {
    expect((await inspectSaves(reader, [projectId], [{ projectId, version: version + 1 }])).missing).toBe(1);
  });

  it('sees a header whose rows belong to another version, and rows missing', async () => {
    const real = and(eq(indicators.projectId, projectId), eq(indicators.isPlaceholder, false));
    await write(async () => {
      const [first] = await db().select({ id: min(indicators.id) }).from(indicators).where(real);
      await db().update(indicators).set({ name: 'v1 第 1 项' }).where(eq(indicators.id, first!.id!));
    });
    expect((await inspectSaves(reader, [projectId], [])).halfWritten).toBe(1);
    await write(async () => void (await db().delete(indicators).where(real)));
    const r = await inspectSaves(reader, [projectId], []);
    expect(r.halfWritten).toBe(1);
    expect(r.problems[0]).toContain('行');
  });
});
