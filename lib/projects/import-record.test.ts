import { describe, expect, it } from 'vitest';
import { good } from '@/lib/domain/rules/test-fixtures';
import { draftFreshness, tableDigest } from './import-record';

describe('whether a draft is what its last import wrote', () => {
  it('digests the content only: row keys and field order do not count, a changed cell does', () => {
    const t = good();
    const keyed = { ...t, indicators: t.indicators.map((r, i) => ({ ...r, key: `k${i}` })) };
    const reordered = Object.fromEntries(Object.entries(t).reverse()) as typeof t;
    expect(tableDigest(keyed)).toBe(tableDigest(t));
    expect(tableDigest(reordered)).toBe(tableDigest(t));
    expect(tableDigest({ ...t, purpose: `${t.purpose}。` })).not.toBe(tableDigest(t));
    expect(tableDigest({ ...t, indicators: [...t.indicators].reverse() })).not.toBe(tableDigest(t));
  });

  it('warns when the draft was edited after the import, naming both versions', () => {
    const t = good();
    const record = { version: 2, contentHash: tableDigest(t), at: Date.UTC(2024, 2, 5, 6, 7) };
    expect(draftFreshness(record, { version: 5, table: t })).toEqual({ state: 'as-imported', importedAt: record.at, importedVersion: 2, version: 5, message: null });
    const edited = draftFreshness(record, { version: 3, table: { ...t, goal: '改过的目标' } });
    expect(edited).toMatchObject({ state: 'edited', importedVersion: 2, version: 3 });
    expect(edited.message).toBe('此草稿在 2024-03-05 14:07 导入（第 2 版）后在应用中修改过（现为第 3 版）：覆盖将丢失这些修改，请核对差别');
  });

  it('says it cannot tell when no import is recorded', () => {
    expect(draftFreshness(undefined, { version: 1, table: good() })).toMatchObject({ state: 'unknown', message: expect.stringContaining('没有此草稿的导入记录') });
  });
});
