/**
 * Demo data for a first start: the reference unit-year (441001, 2024, 2015 framework, 项目支出
 * 3447.87) with its 23 tables loaded through the importer, and one account per role.
 */
import fs from 'node:fs';
import path from 'node:path';
import { write } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { findFrameworkByCode } from '@/db/queries/frameworks';
import { listProjectsOfUnitYear } from '@/db/queries/projects';
import { findUnitByCode, findUnitYear, insertUnit, insertUnitYear } from '@/db/queries/units';
import { addMembership, findUserByUsername, insertUser } from '@/db/queries/users';
import { ActionError } from '@/lib/actions/errors';
import { hashPassword } from '@/lib/auth/password';
import { actorOf } from '@/lib/auth/session';
import { FRAMEWORK_2015 } from '@/lib/domain/framework';
import { wanyuanToYuan } from '@/lib/domain/money';
import { parsePublished } from '@/lib/format/published/parse';
import { transitionTable } from '@/lib/projects/commands/transition-table';
import { applyImport } from '@/lib/projects/import';
import { ensureBaseData } from './bootstrap';
import { DEMO_ACCOUNTS, isDemoTrial, type DemoAccount } from './demo-accounts';

export { DEMO_ACCOUNTS, describeDemoAccounts, isDemoTrial } from './demo-accounts';

export const DEMO_UNIT = { code: '441001', name: '承德市人力资源和社会保障局本级' };
export const DEMO_YEAR = 2024;
/** The reference unit's 项目支出 in 万元, as its budget prints it. */
const DEMO_EXPENDITURE = '3447.87';

export function referenceDocumentPath(): string {
  return path.join(process.cwd(), 'lib', 'demo', 'reference-441001-2024.txt');
}

export type DemoResult = { isLoaded: boolean; tables: number; accounts: readonly DemoAccount[] };

/**
 * Loads the demo once; a second call (every later start) finds it and adds nothing. Everything (unit,
 * year, accounts, the 23 tables and their review states) is written in one transaction, so a crash
 * part-way leaves no demo unit without tables: the next start loads it again from scratch.
 */
export async function loadDemo(opts: { isTrial?: boolean } = {}): Promise<DemoResult> {
  // The demo passwords are printed for all to see: they must be changed at first sign-in, unless this
  // is a local trial (DEMO_DATA=trial) where nobody else can reach the server.
  const mustChangePassword = !(opts.isTrial ?? isDemoTrial());
  await ensureBaseData();
  if ((await findUnitByCode(DEMO_UNIT.code)) || (await findUserByUsername('owner'))) return { isLoaded: false, tables: 0, accounts: DEMO_ACCOUNTS };
  // Hashing and reading the file are done before the transaction: nothing but database work runs inside write().
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password)));
  const doc = parsePublished(fs.readFileSync(referenceDocumentPath(), 'utf8'));
  const warnings: string[] = [];
  const created = await write(async () => {
    // Filled afresh on every run: on PostgreSQL a serialization failure runs this callback again.
    warnings.length = 0;
    const framework = (await findFrameworkByCode(FRAMEWORK_2015.code))!;
    const unit = await insertUnit(DEMO_UNIT.code, DEMO_UNIT.name);
    const unitYear =
      (await findUnitYear(unit.id, DEMO_YEAR)) ??
      (await insertUnitYear(unit.id, DEMO_YEAR, { frameworkId: framework.id, projectExpenditureYuan: wanyuanToYuan(DEMO_EXPENDITURE), ruleProfile: null }));
    // Written by the start-up itself, not by a person: the audit names the actor 「系统（演示数据）」.
    const bySystem = (action: string, entity: string, entityId: number, changes: unknown) =>
      appendAudit({ userId: null, username: '系统（演示数据）', action, entity, entityId, unitId: unit.id, changes, ip: null });
    await bySystem('create', 'unit', unit.id, { code: unit.code, name: unit.name, source: 'demo' });
    await bySystem('create', 'unit-year', unitYear.id, { year: DEMO_YEAR, framework: framework.code, projectExpenditure: DEMO_EXPENDITURE, source: 'demo' });
    for (const [i, a] of DEMO_ACCOUNTS.entries()) {
      const user = await insertUser({ username: a.username, displayName: a.displayName, passwordHash: hashes[i]!, isAdmin: a.role === 'admin', mustChangePassword });
      await bySystem('create', 'user', user.id, { username: a.username, displayName: a.displayName, isAdmin: a.role === 'admin', source: 'demo' });
      if (a.role !== 'admin') {
        await addMembership(user.id, unit.id, a.role);
        await bySystem('grant', 'user', user.id, { unitId: unit.id, role: a.role, source: 'demo' });
      }
    }
    const owner = await actorOf((await findUserByUsername('owner'))!);
    const reviewer = await actorOf((await findUserByUsername('reviewer'))!);
    const result = await applyImport({ actor: owner, ip: null }, doc, { unitCode: DEMO_UNIT.code, year: DEMO_YEAR });
    // A mix of states, as in a real season: the first tables still drafts, two awaiting review, the rest approved.
    for (const p of await listProjectsOfUnitYear(unitYear.id)) {
      if (p.position <= 3) continue;
      // A transition joins this transaction; it refuses (throws) before it writes anything, so a
      // refused one leaves that table as it was and the load goes on.
      try {
        const submitted = await transitionTable({ actor: owner, ip: null }, 'submit', { projectId: p.id, version: p.version });
        if (p.position <= 5) continue;
        await transitionTable({ actor: reviewer, ip: null }, 'approve', { projectId: p.id, version: submitted.version });
      } catch (error) {
        if (!(error instanceof ActionError)) throw error;
        warnings.push(`演示数据：表 ${p.position}「${p.name}」未能提交或审核：${error.message}`);
      }
    }
    return result.created;
  });
  for (const w of warnings) console.warn(w);
  return { isLoaded: true, tables: created, accounts: DEMO_ACCOUNTS };
}
