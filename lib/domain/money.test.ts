import { describe, expect, it } from 'vitest';
import { formatWanyuan, normaliseWanyuan, parseWanyuan, sumYuan, wanyuanToYuan } from './money';

/** The 23 project budgets of the reference document, in its order (万元). */
const REFERENCE_BUDGETS = [
  '10.00', '5.00', '10.00', '19.50', '23.22', '9.00', '25.90', '5.00', '10.00', '5.00', '10.00',
  '10.00', '200.00', '40.00', '75.00', '5.00', '80.00', '1697.97', '472.11', '96.75', '517.93',
  '5.00', '115.49',
];

describe('money', () => {
  it('adds the 23 reference budgets to exactly 3447.87', () => {
    const total = sumYuan(REFERENCE_BUDGETS.map(wanyuanToYuan));
    expect(formatWanyuan(total)).toBe('3447.87');
    expect(total).toBe(34_478_700);
  });

  it('does not drift the way binary floats do', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(formatWanyuan(wanyuanToYuan('0.10') + wanyuanToYuan('0.20'))).toBe('0.30');
  });

  it('reads the forms people type', () => {
    expect(parseWanyuan('10')).toEqual({ ok: true, yuan: 100_000 });
    expect(parseWanyuan(' 472.11 ')).toEqual({ ok: true, yuan: 4_721_100 });
    expect(parseWanyuan('1,697.9')).toEqual({ ok: true, yuan: 16_979_000 });
    expect(parseWanyuan('１９．５')).toEqual({ ok: true, yuan: 195_000 });
    expect(normaliseWanyuan('5')).toBe('5.00');
  });

  it('reads a comma only as a thousands separator (issue #19 item 8, #20 item 5)', () => {
    expect(parseWanyuan('1,234.56')).toEqual({ ok: true, yuan: 12_345_600 });
    expect(parseWanyuan('1,234,567')).toEqual({ ok: true, yuan: 12_345_670_000 });
    expect(parseWanyuan('１，２３４')).toEqual({ ok: true, yuan: 12_340_000 });
    for (const bad of ['1,2,3,4', '35,5', '1,23', '1234,567', ',123', '123,', '1,234.5,6', '1,,234']) {
      const r = parseWanyuan(bad);
      expect(r, bad).toEqual({ ok: false, message: `金额中的逗号只能作千位分隔符（每三位一组，如 1,234.56）：“${bad}”` });
    }
  });

  it('rejects more than two decimals with a clear message', () => {
    const r = parseWanyuan('10.001');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('最多保留两位小数');
  });

  it('rejects negative amounts with a clear message', () => {
    const r = parseWanyuan('-5.00');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('不能为负数');
  });

  it('rejects text and empty input', () => {
    expect(parseWanyuan('十万').ok).toBe(false);
    expect(parseWanyuan('').ok).toBe(false);
    expect(parseWanyuan('1e5').ok).toBe(false);
  });

  it('formats integer yuan as 万元 with two places', () => {
    expect(formatWanyuan(0)).toBe('0.00');
    expect(formatWanyuan(5_000)).toBe('0.50');
    expect(formatWanyuan(-1_200)).toBe('-0.12');
  });
});
