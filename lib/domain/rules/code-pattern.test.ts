import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codePatternProblem, compileCodePattern } from './code-pattern';
import { DEFAULT_RULE_PROFILE, ruleProfileSchema } from './profile';

const NESTED = '^([0-9A-Z]+)+$';

describe('the 项目编码 pattern of a rule profile', () => {
  it('refuses the nested quantifier that froze the server, with a Chinese reason, when the profile is saved', () => {
    const r = ruleProfileSchema.safeParse({ ...DEFAULT_RULE_PROFILE, codePattern: NESTED });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('括号后面不能再加重复');
    expect(compileCodePattern(NESTED)).toBeNull();
  });

  it('refuses backreferences, lookaround and other constructs outside the subset', () => {
    expect(codePatternProblem('^(a)\\1$')).toContain('反向引用');
    expect(codePatternProblem('^(?=13)\\d+$')).toContain('前瞻、后顾');
    expect(codePatternProblem('^(?<!x)a$')).toContain('前瞻、后顾');
    expect(codePatternProblem('^(a|aa)*$')).toContain('括号后面不能再加重复');
    expect(codePatternProblem('^((a))$')).toContain('括号里再套括号');
    expect(codePatternProblem('a^b')).toContain('只能放在开头');
    expect(codePatternProblem('a$b')).toContain('只能放在结尾');
    expect(codePatternProblem('\\bA')).toContain('不支持');
    expect(codePatternProblem('([')).toBe('不是有效的正则表达式');
  });

  it('accepts the default and the patterns in use, and matches as RegExp does', () => {
    const cases: [string, string, boolean][] = [
      [DEFAULT_RULE_PROFILE.codePattern, '13080024P00009810002A', true],
      [DEFAULT_RULE_PROFILE.codePattern, '13080024P00009810002', false],
      [DEFAULT_RULE_PROFILE.codePattern, '13080024p00009810002a', false],
      ['^[A-Z]{3}$', 'ABC', true],
      ['^1308', '13080024P00009810002A', true],
      ['^1308', '2308', false],
      ['.*', '', true],
      ['^(1308|1309)\\d{4}P\\d{9}[0-9A-Z]$', '13100024P000098100A', false],
      ['^(?:1308|1309)\\d{4}P\\d{8}[0-9A-Z]$', '13090024P00009810A', true],
      ['^A-\\d+$|^B\\.\\d?$', 'B.', true],
    ];
    for (const [pattern, code, expected] of cases) {
      expect(codePatternProblem(pattern), pattern).toBeNull();
      expect(compileCodePattern(pattern)!(code), `${pattern} ${code}`).toBe(expected);
      expect(new RegExp(pattern).test(code)).toBe(expected);
    }
  });

  // Patterns built from the subset's pieces, and codes over a small alphabet so they often match.
  const atom = fc.constantFrom('A', '1', '-', '.', '\\d', '\\w', '\\D', '[0-9A-Z]', '[^A]', '[A-C-]', '\\.', '[]', '[^]');
  const quant = fc.constantFrom('', '', '?', '*', '+', '{2}', '{1,3}', '{0,}', '*?', '{2,}?');
  const seq = fc.array(fc.tuple(atom, quant).map(([a, q]) => a + q), { maxLength: 5 }).map((x) => x.join(''));
  const group = fc.array(seq, { minLength: 1, maxLength: 3 }).map((alts) => `(${alts.join('|')})`);
  const element = fc.oneof(seq, group);
  const branch = fc.tuple(fc.boolean(), fc.array(element, { maxLength: 4 }), fc.boolean()).map(([s, els, e]) => `${s ? '^' : ''}${els.join('')}${e ? '$' : ''}`);
  const pattern = fc
    .array(branch, { minLength: 1, maxLength: 3 })
    .map((b) => b.join('|'))
    .filter((p) => p.length <= 200);
  const code = fc.string({ unit: fc.constantFrom('A', 'B', '1', '2', '-', '.', 'x', '_'), maxLength: 12 });

  it('gives the same answer as RegExp for every pattern of the subset (property)', () => {
    fc.assert(
      fc.property(pattern, fc.array(code, { minLength: 1, maxLength: 8 }), (p, codes) => {
        expect(codePatternProblem(p), p).toBeNull();
        const match = compileCodePattern(p)!;
        for (const c of codes) expect(match(c), `${p} on ${JSON.stringify(c)}`).toBe(new RegExp(p).test(c));
      }),
      { numRuns: 1500 },
    );
  });

  it('takes well under 100 ms for any accepted pattern of up to 200 characters and any code of up to 40 (property)', () => {
    const longCode = fc.string({ unit: fc.constantFrom('A', '1', '-', 'x'), minLength: 30, maxLength: 40 });
    const longPattern = fc.array(fc.oneof(pattern, fc.constant('.*'), fc.constant('\\d*'), fc.constant('(A*|1*|-*)')), { minLength: 1, maxLength: 40 }).map((ps) => ps.join('').slice(0, 200));
    let slowest = 0;
    fc.assert(
      fc.property(longPattern, longCode, (p, c) => {
        const match = compileCodePattern(p);
        if (!match) return; // cut at 200 characters the pattern may be unfinished
        const started = performance.now();
        match(c);
        slowest = Math.max(slowest, performance.now() - started);
      }),
      { numRuns: 500 },
    );
    // The worst case written out: 99 unbounded repeats, all able to match every character, on a code
    // of the longest length the matcher looks at (200; longer inputs match nothing without a look).
    const worst = compileCodePattern('.*'.repeat(99) + '$')!;
    for (const code of ['A'.repeat(39) + '!', 'A'.repeat(200), 'A'.repeat(100_000)]) {
      const started = performance.now();
      expect(worst(code)).toBe(code.length <= 200);
      slowest = Math.max(slowest, performance.now() - started);
    }
    expect(slowest).toBeLessThan(100);
    expect(compileCodePattern('A'.repeat(201))).toBeNull();
  });
});
