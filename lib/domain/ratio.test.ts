import { describe, expect, it } from 'vitest';
import { add, cmp, div, fromNumber, int, mul, parseDecimal, ratio, toFixed, toNumber } from './ratio';

describe('exact ratios', () => {
  it('reads decimal text exactly', () => {
    expect(parseDecimal('472.11')).toEqual(ratio(47211n, 100n));
    expect(parseDecimal('-3.5')).toEqual(ratio(-7n, 2n));
    expect(parseDecimal('1e-7')).toEqual(ratio(1n, 10_000_000n));
    expect(parseDecimal('1,200')).toEqual(int(1200));
    expect(parseDecimal('.5')).toEqual(ratio(1n, 2n));
    for (const bad of ['', '.', 'abc', '1..2', '--1']) expect(parseDecimal(bad), bad).toBeNull();
  });

  it('does what floats get wrong: 0.1 + 0.2 is 0.3, 1.275 rounds to 1.28', () => {
    expect(cmp(add(fromNumber(0.1), fromNumber(0.2)), fromNumber(0.3))).toBe(0);
    expect((1.275).toFixed(2)).toBe('1.27'); // the float answer this module exists to avoid
    expect(toFixed(parseDecimal('1.275')!)).toBe('1.28');
    expect(toFixed(mul(ratio(1n, 8n), parseDecimal('10.2')!))).toBe('1.28');
  });

  it('rounds half-up (half away from zero) and pads to two decimals', () => {
    expect(toFixed(parseDecimal('2.675')!)).toBe('2.68');
    expect(toFixed(parseDecimal('2.6749999')!)).toBe('2.67');
    expect(toFixed(parseDecimal('-2.675')!)).toBe('-2.68');
    expect(toFixed(int(7))).toBe('7.00');
    expect(toFixed(parseDecimal('0.005')!)).toBe('0.01');
    expect(toFixed(div(int(2), int(3)), 0)).toBe('1');
    expect(toNumber(div(int(1), int(3)))).toBeCloseTo(0.333333333333, 12);
  });

  it('refuses a zero denominator', () => {
    expect(() => div(int(1), int(0))).toThrow();
  });
});
