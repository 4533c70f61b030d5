/**
 * Library search at scale, in process: the demo, then synthetic tables up to --rows indicator rows
 * (1,000,000 by default; 10 a table, about 3 in 7 approved), plus --names distinct learned names so the
 * name match has many entries to look through. Prints the median and p95 of the editor's search for an
 * administrator (every unit) and for a unit's owner (their unit), with and without the row's 二级.
 * Usage: npx tsx scripts/bench/library.ts [--rows 1000000] [--names 100000] [--db FILE]   (DATABASE_URL: PostgreSQL)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { rawAll, useDatabase, write } from '@/db/client';
import { applyLibraryDelta, resolveEntries, type EntryKeyInput } from '@/db/queries/library';
import { searchLibrary } from '@/lib/library/search';
import { normaliseName } from '@/lib/library/learn';
import { ensureBaseData, systemActor } from '@/lib/setup/bootstrap';
import { loadDemo } from '@/lib/setup/demo';
import { synthesize } from '@/lib/setup/synth';
import { ms, printTable, time } from './stats';

const TERMS = ['满意度', '总成本', '率', '服务', '合格', '人次', '完成', '培训', '档案', '满', '时效', '覆盖'];
const LEVELS: [string, string][] = [
  ['产出指标', '数量指标'], ['产出指标', '质量指标'], ['产出指标', '时效指标'], ['产出指标', '成本指标'],
  ['效益指标', '社会效益指标'], ['效益指标', '可持续影响指标'], ['满意度指标', '服务对象满意度指标'],
];
const WORDS = ['培训', '档案', '监察', '仲裁', '社保', '就业', '补贴', '运维', '宣传', '考试', '评审', '设备', '服务', '系统', '窗口'];
const ENDS = ['完成率', '覆盖率', '合格率', '人次', '数量', '满意度', '及时率', '办结率'];

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Distinct names learned by many units, written straight into the aggregate. */
async function addNames(n: number, unitIds: number[]): Promise<void> {
  for (let start = 0; start < n; start += 2000) {
    await write(async () => {
      const keys: EntryKeyInput[] = [];
      for (let i = start; i < Math.min(n, start + 2000); i++) {
        const [level1, level2] = LEVELS[i % LEVELS.length]!;
        const name = `${WORDS[i % WORDS.length]}${WORDS[Math.floor(i / 15) % WORDS.length]}${i}${ENDS[i % ENDS.length]}`;
        keys.push({ level1, level2, name, nameKey: normaliseName(name) });
      }
      const ids = await resolveEntries(keys);
      const entryUses = new Map<number, number>();
      const unitUses: { entryId: number; unitId: number; uses: number }[] = [];
      const facets: { entryId: number; unitId: number; kind: 'value'; text: string; count: number }[] = [];
      for (const [i, id] of [...ids.values()].entries()) {
        const unitId = unitIds[i % unitIds.length]!;
        entryUses.set(id, 1 + (i % 7));
        unitUses.push({ entryId: id, unitId, uses: 1 + (i % 7) });
        facets.push({ entryId: id, unitId, kind: 'value', text: `≥${90 + (i % 10)}%`, count: 1 + (i % 7) }, { entryId: id, unitId: 0, kind: 'value', text: `≥${90 + (i % 10)}%`, count: 1 + (i % 7) });
      }
      await applyLibraryDelta({ sources: [], entryUses, unitUses, facets });
    });
  }
}

async function main(): Promise<void> {
  const rows = arg('rows', 1_000_000);
  const names = arg('names', 100_000);
  const dbArg = process.argv.indexOf('--db');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-bench-library-'));
  const target = process.env.DATABASE_URL ?? (dbArg > 0 ? process.argv[dbArg + 1]! : path.join(dir, 'bench.db'));
  await useDatabase(target);
  await ensureBaseData();
  await loadDemo();
  const actor = await systemActor();
  const [have] = await rawAll<{ n: number | string }>(sql`select count(*) as n from indicators`);
  const missing = rows - Number(have!.n);
  let t0 = Date.now();
  if (missing > 0) await synthesize({ projects: Math.ceil(missing / 10), perUnit: 100, year: 2024, seed: 16 }, actor.id);
  const synthSeconds = (Date.now() - t0) / 1000;
  const unitIds = (await rawAll<{ id: number }>(sql`select id from units order by id`)).map((u) => Number(u.id));
  const [entries] = await rawAll<{ n: number | string }>(sql`select count(*) as n from library_entries`);
  t0 = Date.now();
  if (Number(entries!.n) < names) await addNames(names, unitIds);
  const namesSeconds = (Date.now() - t0) / 1000;
  const counts = await rawAll<{ rows: number | string; entries: number | string; facets: number | string }>(
    sql`select (select count(*) from indicators) as "rows", (select count(*) from library_entries) as "entries", (select count(*) from library_facets) as "facets"`,
  );
  console.log(`库：${target.startsWith('postgres') ? 'PostgreSQL' : 'SQLite'}；指标行 ${counts[0]!.rows}，条目 ${counts[0]!.entries}，计数行 ${counts[0]!.facets}；合成 ${synthSeconds.toFixed(0)} s，加名称 ${namesSeconds.toFixed(0)} s`);
  const unitId = unitIds[unitIds.length - 1]!;
  let k = 0;
  const next = () => TERMS[k++ % TERMS.length]!;
  const out: Record<string, string | number>[] = [];
  for (const [label, scope, prefer] of [
    ['管理员（全部单位）', null, undefined],
    ['管理员，二级优先', null, '质量指标'],
    ['编制人（本单位）', [unitId], undefined],
    ['编制人，二级优先', [unitId], '质量指标'],
  ] as const) {
    const t = await time(300, () => searchLibrary(scope === null ? null : [...scope], { q: next(), preferLevel2: prefer, limit: 10 }));
    out.push({ 搜索: label, 次数: t.runs, p50: ms(t.p50), p95: ms(t.p95), 最长: ms(t.max) });
  }
  printTable(out);
  if (dbArg < 0 && !process.env.DATABASE_URL) fs.rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
