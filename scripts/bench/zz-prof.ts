import { sql } from 'drizzle-orm';
import { rawAll, useDatabase } from '@/db/client';
import { searchEntries, topFacets } from '@/db/queries/library';
import { time, ms } from '@/scripts/bench/stats';
async function main() {
  await useDatabase(process.argv[2]!);
  const terms = ['满意度', '总成本', '率', '服务', '合格', '人次', '完成', '培训', '档案', '满', '时效', '覆盖'];
  for (const t of terms) {
    const s = await time(20, () => searchEntries({ q: t, unitIds: null, limit: 10 }), 3);
    console.log(t, 'search', ms(s.p50));
  }
  const hits = await searchEntries({ q: '满意度', unitIds: null, limit: 10 });
  const f = await time(30, () => topFacets(hits.map((h) => h.id), null, { value: 6, unit: 3, comparator: 2, basis: 3, description: 2 }), 3);
  console.log('facets', ms(f.p50), ms(f.p95));
  console.log(await rawAll(sql`explain query plan select e.id from library_grams g join library_entries e on e.id = g.entry_id where g.gram = '覆盖' and e.is_retired = 0 order by e.uses desc limit 200`));
  process.exit(0);
}
void main();
