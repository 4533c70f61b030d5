import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PROBLEMS, parsePublished } from './parse';
import { referenceText } from './testing/reference';

const reference = referenceText();
const lines = reference.split('\n');

function shape(doc: ReturnType<typeof parsePublished>): void {
  expect(Array.isArray(doc.projects)).toBe(true);
  expect(Array.isArray(doc.problems)).toBe(true);
  for (const p of doc.problems) {
    expect(typeof p.message).toBe('string');
    expect(p.message).not.toMatch(/\n\s+at /);
    // The parser turns an exception of its own into this problem so that no table is lost; it must
    // never be needed, so a thrown error fails the test here.
    expect(p.message).not.toContain('读取时出错');
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
    // Cut 8 lines into table 13: its header block is there, no indicator row yet.
    const cut = lines.findIndex((l) => l.includes('13080024P00049910001B')) + 8;
    const doc = parsePublished(lines.slice(0, cut).join('\n'));
    shape(doc);
    expect(doc.projects.map((p) => p.source.number)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(doc.problems).toEqual([expect.objectContaining({ table: '表 13「2024 年度人事人才服务和社保体系工作经费」', message: expect.stringContaining('没有指标行，已跳过') })]);
  });

  it('a document cut inside a table reports that table as possibly incomplete, with the line its rows stop on', () => {
    // Cut after line 775: table 14 keeps 2 of its 9 rows.
    const doc = parsePublished(lines.slice(0, 775).join('\n'));
    const t14 = doc.projects.find((p) => p.source.number === 14)!;
    expect(t14.indicators).toHaveLength(2);
    expect(doc.problems).toEqual([
      {
        line: 775,
        table: '表 14「2024 年度社保卡邮寄经费」',
        tableLine: t14.source.line,
        message: expect.stringMatching(/文件在此表中途结束.*可能不完整.*“效益指标”“满意度指标”.*“产出指标”中间.*“时效指标”/),
      },
    ]);
  });

  it('no cut through section 五 changes a table without a problem for that table', () => {
    // Only section 五 (with the page header that names the unit), to keep 600 parses quick.
    const section = lines.slice(lines.findIndex((l) => /^#+\s*1、.*绩效目标表/.test(l)), lines.findIndex((l) => /^#+\s*六、/.test(l)) + 1);
    const full = parsePublished(section.join('\n'));
    expect(full.projects).toHaveLength(23);
    for (let n = 1; n <= section.length; n++) {
      const doc = parsePublished(section.slice(0, n).join('\n'));
      for (const t of doc.projects) {
        const whole = full.projects.find((x) => x.source.number === t.source.number);
        if (JSON.stringify(whole) === JSON.stringify(t)) continue;
        expect(doc.problems.some((p) => p.tableLine === t.source.line), `第 ${n} 行截断，表 ${t.source.number}`).toBe(true);
      }
    }
  });

  it('a table that lacks a level-1 category in the middle of a document is reported', () => {
    const at = lines.findIndex((l) => l.startsWith('满意度指标\t服务对象满意度指标'));
    const doc = parsePublished(lines.filter((_, i) => i !== at).join('\n'));
    const p = doc.problems.find((x) => x.line === at);
    expect(doc.projects).toHaveLength(23);
    expect(p?.table).toContain('表 1「');
    expect(p?.message).toMatch(/可能不完整：缺少一级指标“满意度指标”/);
    expect(p?.message).not.toContain('文件在此表中途结束');
  });

  it('problems inside a table always carry a line, falling back to the table heading', () => {
    const heading = lines.findIndex((l) => /^#+\s*2、.*绩效目标表/.test(l));
    const next = lines.findIndex((l, i) => i > heading && /^#+\s*3、/.test(l));
    // Table 2 without its budget row and without either of its indicator headers.
    const broken = lines.filter((l, i) => !(i > heading && i < next && (l.startsWith('一级指标') || l.includes('预算数'))));
    const doc = parsePublished(broken.join('\n'));
    const own = doc.problems.filter((p) => p.table?.startsWith('表 2「'));
    expect(own.map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('没有找到指标表头'), expect.stringContaining('“预算数”为空')]),
    );
    for (const p of own) expect(p).toMatchObject({ line: expect.any(Number), tableLine: heading + 1 });
    for (const m of ['没有找到指标表头', '“预算数”为空']) expect(own.find((p) => p.message.includes(m))?.line).toBe(heading + 1);
  });

  it('the same project code twice: the later table is reported, both are returned', () => {
    const second = lines.findIndex((l) => l.includes('13080024P00010210002Y'));
    const broken = [...lines];
    broken[second] = broken[second]!.replace('13080024P00010210002Y', '13080024P00009810002A');
    const doc = parsePublished(broken.join('\n'));
    expect(doc.projects).toHaveLength(23);
    expect(doc.problems).toHaveLength(1);
    expect(doc.problems[0]).toMatchObject({ table: expect.stringContaining('表 14「'), message: expect.stringMatching(/13080024P00009810002A 与表 1「.*重复/) });
  });

  it('a numbered goal line without tabs shaped like a heading does not start a table', () => {
    const goal = lines.findIndex((l) => l.startsWith('绩效目标\t1. 进一步加强劳动人事争议'));
    const withGoal = [...lines.slice(0, goal + 1), '2. 建立健全调解仲裁绩效目标表', ...lines.slice(goal + 1)];
    const doc = parsePublished(withGoal.join('\n'));
    expect(doc.projects.map((p) => p.source.number)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(doc.problems).toEqual([]);
    expect(doc.projects[0]!.goal).toContain('2. 建立健全调解仲裁绩效目标表');
  });

  it('a heading without a # marker still starts a table where one may begin', () => {
    const doc = parsePublished(reference.replace(/^## 2、/m, '2、'));
    expect(doc.projects).toHaveLength(23);
    expect(doc.problems).toEqual([]);
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
    expect(doc.problems[0]!.message).toContain('没有以制表符分隔的表格列');
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

  it('a heading repeated over 20 MB: the problems are capped with their count, not millions kept in memory', () => {
    const heading = '## 1、x绩效目标表\n';
    const text = heading.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(heading)));
    const doc = parsePublished(text);
    shape(doc);
    expect(doc.projects).toEqual([]);
    expect(doc.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS + 2);
    expect(doc.problems.at(-1)!.message).toMatch(/另有 \d+ 个问题未列出/);
  });

  it('the expenditure table title repeated over many lines is looked for only a few times', () => {
    const text = '单位预算支出总表\n项目支出\t合计\n'.repeat(200_000);
    const started = Date.now();
    const doc = parsePublished(text);
    shape(doc);
    // A hang detector with a wide margin (it took 20 s on 20 MB before the bound).
    expect(Date.now() - started).toBeLessThan(10_000);
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
