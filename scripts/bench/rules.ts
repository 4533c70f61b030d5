/**
 * Rules speed: one table (target < 1 ms), a 1,000-table unit-year (target < 1 s), and an administrator's
 * change of framework on a stored 1,000-table unit-year, which recounts every table in its transaction
 * (target: well under 1 s).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { closeDatabase, useDatabase, write } from '@/db/client';
import { findFrameworkByCode } from '@/db/queries/frameworks';
import { insertProject, replaceProjectContent } from '@/db/queries/projects';
import { insertUnit, insertUnitYear } from '@/db/queries/units';
import { updateUnitYearSettings } from '@/lib/admin/commands';
import { FRAMEWORK_2015 } from '@/lib/domain/framework';
import { checkTable, checkUnitYear, DEFAULT_RULE_PROFILE } from '@/lib/domain/rules';
import type { TargetTable } from '@/lib/domain/table';
import { parsePublished } from '@/lib/format/published/parse';
import { tableHeader, tablePlan, tableRows } from '@/lib/projects/mapping';
import { ensureBaseData, systemActor } from '@/lib/setup/bootstrap';
import { ms, printTable, time } from './stats';

/** A throwaway database with one unit-year of `tables`; returns what a settings change needs. */
async function storedUnitYear(tables: readonly TargetTable[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-bench-rules-'));
  await useDatabase(process.env.DATABASE_URL ?? path.join(dir, 'bench.db'));
  await ensureBaseData();
  const fw2015 = (await findFrameworkByCode('cz2015'))!.id;
  const fw2021 = (await findFrameworkByCode('cz2021'))!.id;
  const unitYear = await write(async () => {
    const unit = await insertUnit(`99${String(Date.now()).slice(-4)}`, '基准测试单位');
    const uy = await insertUnitYear(unit.id, 2024, { frameworkId: fw2015, projectExpenditureYuan: null, ruleProfile: null });
    for (const t of tables) {
      const p = await insertProject(uy.id, tableHeader(t, { errors: 0, warnings: 0 }), null);
      await replaceProjectContent(p.id, tablePlan(t), tableRows(structuredClone(t)));
    }
    return uy;
  });
  return { dir, unitYearId: unitYear.id, fw2015, fw2021 };
}

async function main(): Promise<void> {
  const doc = parsePublished(fs.readFileSync('lib/demo/reference-441001-2024.txt', 'utf8'));
  const ctx = { framework: FRAMEWORK_2015, year: 2024, profile: DEFAULT_RULE_PROFILE };
  const one = doc.projects[12]!;
  const single = await time(2000, () => checkTable(one, ctx), 200);
  const thousand = Array.from({ length: 1000 }, (_, i) => ({ ...doc.projects[i % doc.projects.length]!, code: `13080024P${String(i).padStart(12, '0')}` }));
  const unitYear = await time(20, () => checkUnitYear({ tables: thousand, projectExpenditure: '3447.87', mentions: doc.mentions }, ctx), 3);

  const stored = await storedUnitYear(thousand);
  const who = { actor: await systemActor(), ip: null };
  let isOn2021 = false;
  // CPU time beside wall time: on a machine shared with other work the wall clock mostly measures the queue.
  const cpuMs: number[] = [];
  // Each run switches the framework, so every run really recounts and rewrites all 1,000 tables.
  const recount = await time(10, async () => {
    isOn2021 = !isOn2021;
    const before = process.cpuUsage();
    const r = await updateUnitYearSettings(who, stored.unitYearId, { frameworkId: isOn2021 ? stored.fw2021 : stored.fw2015, projectExpenditure: null, ruleProfile: null });
    const used = process.cpuUsage(before);
    cpuMs.push((used.user + used.system) / 1000);
    if (r.recounted?.tables !== 1000) throw new Error('the recount did not cover 1,000 tables');
  }, 2);
  cpuMs.sort((a, b) => a - b);
  await closeDatabase();
  fs.rmSync(stored.dir, { recursive: true, force: true });

  printTable([
    { 测量: '检查一张表（11 行）', 中位数: ms(single.p50), p95: ms(single.p95), 目标: '< 1 ms' },
    { 测量: '检查 1,000 张表的年度', 中位数: ms(unitYear.p50), p95: ms(unitYear.p95), 目标: '< 1 s' },
    { 测量: '改指标体系并重算 1,000 张表（含读写库）', 中位数: ms(recount.p50), p95: ms(recount.p95), 目标: '< 1 s' },
    { 测量: '  同上，CPU 时间', 中位数: ms(cpuMs[Math.floor(cpuMs.length / 2)]!), p95: ms(cpuMs[cpuMs.length - 1]!), 目标: '' },
  ]);
}

void main();
