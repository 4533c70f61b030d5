/**
 * The development samples (samples/README.md): real published tables in other layouts, each with what
 * a perfect reader gives (expected.json). Prints, per file, the tables and indicator rows found against
 * expected and the share of rows exactly right (level 1, level 2, name, value as printed; whitespace
 * does not count, an unprinted level or value is empty). Sample 06 is prose, counted apart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from './read-document';

type ExpectedRow = { level1: string | null; level2: string | null; name: string; value: string | null; longterm_value: string | null };
type Expected = { files: { file: string; tables: { name: string; indicators: ExpectedRow[] }[] }[] };

const DIR = path.join(__dirname, 'samples');
const expected = JSON.parse(fs.readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Expected;
const PROSE = '06-';

const key = (r: { level1: string | null; level2: string | null; name: string; value: string | null }) =>
  [r.level1, r.level2, r.name, r.value].map((s) => (s ?? '').replace(/\s+/g, '')).join('|');

type Figures = { file: string; tables: number; tablesExpected: number; rows: number; rowsExpected: number; right: number; longtermRight: number; longtermExpected: number };

async function figures(file: string, tables: Expected['files'][number]['tables']): Promise<Figures> {
  const doc = await readDocument(fs.readFileSync(path.join(DIR, file)), { fileName: file });
  const found = doc.projects.flatMap((p) => p.indicators.map((r) => ({ ...r, long: r.longtermValue ?? '' })));
  const want = tables.flatMap((t) => t.indicators);
  const unused = new Map<string, number>();
  for (const r of found) unused.set(key(r), (unused.get(key(r)) ?? 0) + 1);
  let right = 0;
  for (const r of want) {
    const n = unused.get(key(r)) ?? 0;
    if (n > 0) {
      right++;
      unused.set(key(r), n - 1);
    }
  }
  const longWant = want.filter((r) => r.longterm_value !== null);
  const longtermRight = longWant.filter((r) => found.some((f) => key(f) === key(r) && f.long.replace(/\s+/g, '') === r.longterm_value!.replace(/\s+/g, ''))).length;
  return { file, tables: doc.projects.length, tablesExpected: tables.length, rows: found.length, rowsExpected: want.length, right, longtermRight, longtermExpected: longWant.length };
}

describe('development samples', () => {
  it('finds every table and reads at least 95% of indicator rows exactly (06, prose, apart)', async () => {
    const all: Figures[] = [];
    for (const f of expected.files) all.push(await figures(f.file, f.tables));
    const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
    console.log(
      ['文件\t表（找到/应有）\t指标行（找到/应有）\t完全正确', ...all.map((f) => `${f.file}\t${f.tables}/${f.tablesExpected}\t${f.rows}/${f.rowsExpected}\t${f.right} (${pct(f.right, f.rowsExpected)})${f.longtermExpected ? `，中长期值 ${f.longtermRight}/${f.longtermExpected}` : ''}`)].join('\n'),
    );
    const tables = all.filter((f) => !f.file.startsWith(PROSE));
    const right = tables.reduce((s, f) => s + f.right, 0);
    const rows = tables.reduce((s, f) => s + f.rowsExpected, 0);
    const prose = all.find((f) => f.file.startsWith(PROSE));
    console.log(`合计（不含 06）：${right}/${rows} = ${pct(right, rows)}；06（散文，另计）：${prose ? `${prose.right}/${prose.rowsExpected}` : '—'}`);
    for (const f of tables) expect(f.tables, f.file).toBe(f.tablesExpected);
    expect(right / rows).toBeGreaterThanOrEqual(0.95);
    for (const f of tables) expect(f.longtermRight, f.file).toBe(f.longtermExpected);
  });
});
