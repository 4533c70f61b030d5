import { describe, expect, it } from 'vitest';
import { isFormulaLike } from '@/lib/domain/formula-text';
import { tableSchema } from '@/lib/domain/schemas';
import { parseId, parsePage, searchProblem } from '@/lib/http/params';
import { sampleTable } from '@/lib/testing/tables';
import { BIDI, CONTROL_CHARACTERS, FORMULA_PREFIXES, HUGE_PAGE_NUMBERS, LONG_SEARCHES, LOOKALIKE_IDS, ZERO_WIDTH } from './hostile-strings';

const nameResult = (name: string) => tableSchema.safeParse({ ...sampleTable(), name });

describe('the hostile input classes meet the defences they are meant to probe', () => {
  it('controls and bidi overrides are refused by the schema, zero-width-only values are empty', () => {
    for (const s of [...CONTROL_CHARACTERS, ...BIDI]) expect(nameResult(s).success, JSON.stringify(s)).toBe(false);
    for (const s of ZERO_WIDTH.slice(0, -1)) expect(nameResult(s).error?.issues[0]?.message, JSON.stringify(s)).toBe('请填写项目名称');
    expect(nameResult(ZERO_WIDTH.at(-1)!).data?.name).toBe('调解仲裁');
  });

  it('formula prefixes are formula-like (after the trim a schema does, where it trims)', () => {
    for (const s of FORMULA_PREFIXES.filter((x) => !x.startsWith("'"))) expect(isFormulaLike(s), JSON.stringify(s)).toBe(true);
  });

  it('page numbers stay small, look-alike ids are no ids, long searches are refused', () => {
    for (const p of HUGE_PAGE_NUMBERS) expect(parsePage(p)).toBeLessThanOrEqual(100_000);
    for (const id of LOOKALIKE_IDS) expect(parseId(id)).toBeNull();
    for (const q of LONG_SEARCHES) expect(searchProblem(q)).not.toBeNull();
  });
});
