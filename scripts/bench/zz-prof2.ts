import { sql } from 'drizzle-orm';
import { rawAll, useDatabase } from '@/db/client';
import { searchEntries, topFacets } from '@/db/queries/library';
import { time, ms } from '@/scripts/bench/stats';
async function main() {
  await useDatabase(process.argv[2]!);
  const [u] = await rawAll<{ id: number }>(sql`select max(id) as id from units`);
  const unit = Number(u!.id);
  for (const t of ['满意度', '服务', '率']) {
    const s = await time(20, () => searchEntries({ q: t, unitIds: [unit], limit: 10 }), 3);
    const hits = await searchEntries({ q: t, unitIds: [unit], limit: 10 });
    const f = await time(20, () => topFacets(hits.map((h) => h.id), [unit], { value: 6, unit: 3, comparator: 2, basis: 3, description: 2 }), 3);
    console.log(t, 'search', ms(s.p50), 'facets', ms(f.p50));
  }
  console.log(await rawAll(sql`explain query plan select e.id, sum(u.uses) from library_entry_units u join library_entries e on e.id = u.entry_id where u.unit_id in (${unit}) and e.is_retired = 0 and e.merged_into is null and e.name_key like '%服务%' group by e.id`));
  console.log(await rawAll(sql`explain query plan select e.id from library_entries e where e.is_retired = 0 and e.merged_into is null and e.name_key like '%服务%' and e.is_standard = 1 limit 200`));
  process.exit(0);
}
void main();
