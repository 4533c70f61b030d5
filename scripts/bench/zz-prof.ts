import { useDatabase } from '@/db/client';
import { searchEntries, topFacets } from '@/db/queries/library';
import { time, ms } from '@/scripts/bench/stats';
async function main() {
  await useDatabase(process.argv[2]!);
  const terms = ['满意度', '总成本', '率', '服务', '合格', '人次'];
  let k = 0;
  const s = await time(200, () => searchEntries({ q: terms[k++ % 6]!, unitIds: null, limit: 10 }));
  const hits = await searchEntries({ q: '率', unitIds: null, limit: 10 });
  const f = await time(200, () => topFacets(hits.map((h) => h.id), null, { value: 6, unit: 3, comparator: 2, basis: 3, description: 2 }));
  const s2 = await time(200, () => searchEntries({ q: terms[k++ % 6]!, unitIds: [5], limit: 10 }));
  console.log('search', ms(s.p50), ms(s.p95), 'facets', ms(f.p50), ms(f.p95), 'scoped', ms(s2.p50), ms(s2.p95));
  process.exit(0);
}
void main();
