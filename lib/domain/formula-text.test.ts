import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFormulaLike, quoteFormula, unquoteFormula } from './formula-text';

describe('formula-like text', () => {
  it('is text starting with = + - @ tab or CR that is not a plain number or a dash', () => {
    for (const s of ['=1+1', '=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=x', '\r=x', '-cmd|calc!A0', '+', '=']) expect(isFormulaLike(s), s).toBe(true);
    for (const s of ['-5', '-5.5', '+3%', '-1,234.00', '-', '--', '≥92%', '无', '1-2']) expect(isFormulaLike(s), s).toBe(false);
  });

  it('is quoted with one apostrophe, and unquoting gives back exactly what was stored', () => {
    expect(quoteFormula('=1+1')).toBe("'=1+1");
    expect(quoteFormula("'=1+1")).toBe("''=1+1");
    expect(quoteFormula('-5')).toBe('-5');
    expect(quoteFormula("'abc")).toBe("'abc");
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', "'", 'a', '1', '.', ' ', '%') }), (s) => {
        expect(unquoteFormula(quoteFormula(s))).toBe(s);
        expect(isFormulaLike(quoteFormula(s))).toBe(false);
      }),
    );
  });
});
