import { describe, expect, it } from 'vitest';
import { diffTables } from './diff';
import { withKeptKeys } from './import-rows';
import { good } from './rules/test-fixtures';
import type { TargetTable } from './table';

/** A stored table: its rows carry keys, as loadTable gives them. */
function stored(): TargetTable {
  const t = good();
  return { ...t, indicators: t.indicators.map((r, i) => ({ ...r, key: `k${i}` })) };
}

/** What a document gives: the same rows without keys. */
function fromDocument(t: TargetTable): TargetTable {
  return { ...t, indicators: t.indicators.map(({ key: _key, ...r }) => r) };
}

describe('which stored row an imported row is', () => {
  it('keeps the key of the row with the same names', () => {
    const before = stored();
    expect(withKeptKeys(fromDocument(before), before).indicators.map((r) => r.key)).toEqual(before.indicators.map((r) => r.key));
    expect(diffTables(before, withKeptKeys(fromDocument(before), before))).toEqual([]);
  });

  it('reads a row renamed in the app as one changed row, not a deletion and an addition', () => {
    const document = fromDocument(stored());
    const draft = stored();
    draft.indicators[1] = { ...draft.indicators[1]!, name: '在应用中改的名称' };
    const changes = diffTables(draft, withKeptKeys(document, draft));
    expect(changes).toEqual([
      { kind: 'row-changed', key: 'k1', row: document.indicators[1]!.name, level2: document.indicators[1]!.level2, fields: [{ field: 'name', label: '三级指标', before: '在应用中改的名称', after: document.indicators[1]!.name }] },
    ]);
  });

  it('still adds a row of a category the draft has no row left in, and removes one the document lacks', () => {
    const draft = stored();
    const document = fromDocument(stored());
    const extra = { ...document.indicators[0]!, level1: '新一级', level2: '新二级', name: '新增的指标' };
    document.indicators = [...document.indicators.slice(1), extra];
    const kinds = diffTables(draft, withKeptKeys(document, draft)).map((c) => c.kind);
    expect(kinds).toContain('row-added');
    expect(kinds).toContain('row-removed');
  });
});
