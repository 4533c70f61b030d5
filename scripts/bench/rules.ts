/** Rules speed: one table (target < 1 ms) and a 1,000-table unit-year (target < 1 s). */
import fs from 'node:fs';
import { FRAMEWORK_2015 } from '@/lib/domain/framework';
import { checkTable, checkUnitYear, DEFAULT_RULE_PROFILE } from '@/lib/domain/rules';
import { parsePublished } from '@/lib/format/published/parse';
import { ms, printTable, time } from './stats';

async function main(): Promise<void> {
  const doc = parsePublished(fs.readFileSync('lib/demo/reference-441001-2024.txt', 'utf8'));
  const ctx = { framework: FRAMEWORK_2015, year: 2024, profile: DEFAULT_RULE_PROFILE };
  const one = doc.projects[12]!;
  const single = await time(2000, () => checkTable(one, ctx), 200);
  const thousand = Array.from({ length: 1000 }, (_, i) => ({ ...doc.projects[i % doc.projects.length]!, code: `13080024P${String(i).padStart(12, '0')}` }));
  const unitYear = await time(20, () => checkUnitYear({ tables: thousand, projectExpenditure: '3447.87', mentions: doc.mentions }, ctx), 3);
  printTable([
    { 测量: '检查一张表（11 行）', 中位数: ms(single.p50), p95: ms(single.p95), 目标: '< 1 ms' },
    { 测量: '检查 1,000 张表的年度', 中位数: ms(unitYear.p50), p95: ms(unitYear.p95), 目标: '< 1 s' },
  ]);
}

void main();
