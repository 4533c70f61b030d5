import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, sqlite, useDatabase } from '@/db/client';
import { findUnitByCode, findUnitYear } from '@/db/queries/units';
import { findUserByUsername } from '@/db/queries/users';
import { actorOf } from '@/lib/auth/session';
import { createTable } from '@/lib/projects/commands/create-table';
import { saveTable } from '@/lib/projects/commands/save-table';
import { loadDemo } from '@/lib/setup/demo';
import { versionedTable } from './fixtures';
import { inspectSaves } from './inspect';

/** The crash and backup checks must see a half-written table and a lost save, or they prove nothing. */
describe('inspectSaves', () => {
  let projectId = 0;
  let version = 0;
  const code = '13080024PINSPECT00001';

  beforeAll(async () => {
    useDatabase(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-inspect-')), 'i.db'));
    await loadDemo();
    const who = { actor: actorOf(findUserByUsername('owner')!), ip: null };
    const unitYearId = findUnitYear(findUnitByCode('441001')!.id, 2024)!.id;
    ({ projectId, version } = createTable(who, unitYearId, versionedTable(code, 1)));
    for (let i = 0; i < 3; i++) version = saveTable(who, projectId, version, versionedTable(code, version + 1)).version;
  });
  afterAll(() => closeDatabase());

  it('passes whole versions and every acknowledged save', () => {
    const r = inspectSaves(sqlite(), [projectId], [2, 3, 4].map((v) => ({ projectId, version: v })));
    expect(r).toMatchObject({ corrupt: false, missing: 0, halfWritten: 0 });
  });

  it('sees a save acknowledged but not stored', () => {
    expect(inspectSaves(sqlite(), [projectId], [{ projectId, version: version + 1 }]).missing).toBe(1);
  });

  it('sees a header whose rows belong to another version, and rows missing', () => {
    sqlite().prepare('update indicators set name = ? where project_id = ? and is_placeholder = 0 and id = (select min(id) from indicators where project_id = ? and is_placeholder = 0)').run('v1 第 1 项', projectId, projectId);
    expect(inspectSaves(sqlite(), [projectId], []).halfWritten).toBe(1);
    sqlite().prepare('delete from indicators where project_id = ? and is_placeholder = 0').run(projectId);
    const r = inspectSaves(sqlite(), [projectId], []);
    expect(r.halfWritten).toBe(1);
    expect(r.problems[0]).toContain('行');
  });
});
