import { describe, expect, it } from 'vitest';
import { FRAMEWORK_2015 } from '@/lib/domain/framework';
import { blankTable } from './draft';
import { discardLocalDraft, draftKey, isWorthOffering, keepLocalDraft, pruneOtherVersions, readLocalDraft, type DraftStorage } from './local-draft';

function memoryStorage(): DraftStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

let n = 0;
const table = () => ({ ...blankTable(FRAMEWORK_2015, () => `k${++n}`), code: 'A1', name: '项目' });

describe('unsaved edits kept per table and version', () => {
  it('keys an existing table by id and version, a new one by its unit-year', () => {
    expect(draftKey({ projectId: 7, unitYearId: 1, version: 3 })).toBe('pt-unsaved:p7:v3');
    expect(draftKey({ projectId: null, unitYearId: 2, version: null })).toBe('pt-unsaved:new-2:v0');
  });

  it('gives back what was kept for the same table and version only', () => {
    const s = memoryStorage();
    const values = { ...table(), name: '改过的名称' };
    keepLocalDraft(s, { projectId: 7, unitYearId: 1, version: 3 }, values, 1000);
    expect(readLocalDraft(s, { projectId: 7, unitYearId: 1, version: 3 })).toEqual({ savedAt: 1000, values });
    expect(readLocalDraft(s, { projectId: 7, unitYearId: 1, version: 4 })).toBeNull();
    expect(readLocalDraft(s, { projectId: 8, unitYearId: 1, version: 3 })).toBeNull();
  });

  it('drops a damaged entry instead of offering it', () => {
    const s = memoryStorage();
    s.setItem('pt-unsaved:p7:v3', '{"savedAt":1,"values":{"name":3}}');
    expect(readLocalDraft(s, { projectId: 7, unitYearId: 1, version: 3 })).toBeNull();
    expect(s.map.size).toBe(0);
    s.setItem('pt-unsaved:p7:v3', 'not json');
    expect(readLocalDraft(s, { projectId: 7, unitYearId: 1, version: 3 })).toBeNull();
  });

  it('discards after a save, and prunes the other versions of the same table', () => {
    const s = memoryStorage();
    keepLocalDraft(s, { projectId: 7, unitYearId: 1, version: 2 }, table(), 1);
    keepLocalDraft(s, { projectId: 7, unitYearId: 1, version: 3 }, table(), 2);
    keepLocalDraft(s, { projectId: 70, unitYearId: 1, version: 2 }, table(), 3);
    pruneOtherVersions(s, { projectId: 7, unitYearId: 1, version: 3 });
    expect([...s.map.keys()].sort()).toEqual(['pt-unsaved:p70:v2', 'pt-unsaved:p7:v3']);
    discardLocalDraft(s, { projectId: 7, unitYearId: 1, version: 3 });
    expect([...s.map.keys()]).toEqual(['pt-unsaved:p70:v2']);
  });

  it('a refused write (storage full) is reported, not thrown', () => {
    const s = memoryStorage();
    s.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    expect(keepLocalDraft(s, { projectId: 1, unitYearId: 1, version: 1 }, table(), 1)).toBe(false);
  });

  it('offers a kept draft only when it differs from what the page opened with', () => {
    const opened = table();
    expect(isWorthOffering({ savedAt: 1, values: structuredClone(opened) }, opened)).toBe(false);
    expect(isWorthOffering({ savedAt: 1, values: { ...opened, goal: '新目标' } }, opened)).toBe(true);
    expect(isWorthOffering(null, opened)).toBe(false);
  });
});
