/**
 * Which stored row an imported row is (issue 19 item 6). A published document has no row keys, so the
 * import gives each incoming row the key of the stored row it continues: first the row with the same
 * 一级/二级/三级 names, then, among the rows left, the next one of the same 一级/二级 in order. The
 * second pass makes a row renamed in the app (or in the document) read as one row whose name changed,
 * not as a deletion and an addition, in the preview's diff and in the history.
 */
import type { IndicatorRow, TargetTable } from './table';

export function withKeptKeys(incoming: TargetTable, existing: TargetTable | null): TargetTable {
  if (!existing) return incoming;
  const unused = [...existing.indicators];
  const take = (matches: (o: IndicatorRow) => boolean): IndicatorRow | undefined => {
    const i = unused.findIndex(matches);
    return i < 0 ? undefined : unused.splice(i, 1)[0];
  };
  const exact = incoming.indicators.map((r) => take((o) => o.level1 === r.level1 && o.level2 === r.level2 && o.name === r.name));
  const indicators = incoming.indicators.map((r, i) => {
    const match = exact[i] ?? take((o) => o.level1 === r.level1 && o.level2 === r.level2);
    return { ...r, key: match?.key };
  });
  return { ...incoming, indicators };
}
