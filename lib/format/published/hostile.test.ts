import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePublished } from './parse';
import { referenceText } from './testing/reference';

const reference = referenceText();
const lines = reference.split('\n');

function shape(doc: ReturnType<typeof parsePublished>): void {
  expect(Array.isArray(doc.projects)).toBe(true);
  expect(Array.isArray(doc.problems)).toBe(true);
  for (const p of doc.problems) {
    expect(typeof p.message).toBe('string');
    expect(p.message).not.toMatch(/\n\s+at /);
  }
  for (const t of doc.projects) expect(t.indicators.length).toBeGreaterThan(0);
}

describe('hostile input', () => {
  it('an empty file: a clear problem, no tables', () => {
    const doc = parsePublished('');
    expect(doc.projects).toEqual([]);
    expect(doc.problems[0]!.message).toContain('绩效目标表');
  });

  it('a binary file: no crash, a problem saying it is not a disclosure', () => {
    const bytes = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 2654435761) % 256);
    const doc = parsePublished(new TextDecoder('utf-8').decode(bytes));
    shape(doc);
    expect(doc.projects).toEqual([]);
    expect(doc.problems.length).toBeGreaterThan(0);
  });

  it('a truncated document keeps the complete tables and reports the cut one', () => {
    const cut = lines.findIndex((l) => l.includes('13080024P00049910001B')) + 8;
    const doc = parsePublished(lines.slice(0, cut).join('\n'));
    expect(doc.projects.length).toBeGreaterThanOrEqual(12);
    expect(doc.projects.slice(0, 12).map((p) => p.source.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const last = doc.projects.find((p) => p.source.number === 13);
    if (last) expect(last.indicators.length).toBeLessThan(11);
  });

  it('a table missing a column is reported with its table and line; the others are kept', () => {
    const at = lines.findIndex((l) => l.startsWith('产出指标\t数量指标\t行政应诉案件数量'));
    const broken = [...lines];
    broken[at] = '产出指标\t数量指标\t行政应诉案件数量';
    const doc = parsePublished(broken.join('\n'));
    expect(doc.projects).toHaveLength(23);
    const p = doc.problems.find((x) => x.line === at + 1);
    expect(p?.table).toContain('表 2');
    expect(p?.message).toContain('指标值');
  });

  it('text without tabs: no tables, a clear problem', () => {
    const doc = parsePublished(reference.replace(/\t/g, ' '));
    shape(doc);
    expect(doc.problems.length).toBeGreaterThan(0);
    expect(doc.problems.some((p) => /表 \d+「/.test(p.message))).toBe(true);
  });

  it('50 MB of noise answers within seconds', () => {
    const chunk = '噪声\t12 月底\t##\t一级指标 ≥≤%\t<p>\n'.repeat(1000);
    const noise = chunk.repeat(Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(chunk)));
    const started = Date.now();
    const doc = parsePublished(noise);
    const elapsed = Date.now() - started;
    shape(doc);
    expect(doc.projects).toEqual([]);
    // A hang detector with a wide margin, not a benchmark (scripts/bench/parse.ts measures speed).
    expect(elapsed).toBeLessThan(30_000);
  });

  it('a very long line does not hang the parser', () => {
    const doc = parsePublished(`## 1、${'长'.repeat(1_000_000)}绩效目标表\n${'a\t'.repeat(500_000)}`);
    shape(doc);
  });

  it('never throws on mutated reference text (property)', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 30 }) }),
      fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 30 }) }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
      fc.record({ kind: fc.constant('untab' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.string({ maxLength: 80 }) }),
      fc.record({ kind: fc.constant('shuffle-cells' as const), at: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (mutations) => {
        const ls = [...lines];
        for (const m of mutations) {
          const i = m.at % ls.length;
          if (m.kind === 'delete') ls.splice(i, m.n);
          else if (m.kind === 'duplicate') ls.splice(i, 0, ...ls.slice(i, i + m.n));
          else if (m.kind === 'swap') [ls[i], ls[m.to % ls.length]] = [ls[m.to % ls.length]!, ls[i]!];
          else if (m.kind === 'untab') ls[i] = (ls[i] ?? '').replace(/\t/g, '');
          else if (m.kind === 'insert') ls.splice(i, 0, m.text);
          else ls[i] = (ls[i] ?? '').split('\t').reverse().join('\t');
        }
        shape(parsePublished(ls.join('\n')));
      }),
      { numRuns: 150 },
    );
  });
});
