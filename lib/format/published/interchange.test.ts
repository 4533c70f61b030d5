/**
 * Numbers, draft marks and the cover list through the interchange JSON and the published text: what an
 * export writes comes back when read, and documents written before these fields existed still read.
 */
import { describe, expect, it } from 'vitest';
import { fromInterchange, toInterchange } from './interchange';
import { parsePublished } from './parse';
import { renderDocument, type TextCover } from './render';
import { referenceText } from './testing/reference';

const doc = parsePublished(referenceText());
/** Tables 6, 9 and 12 of the reference as a section of their own, the middle one a draft. */
const picked = [5, 8, 11].map((i, k) => ({ ...doc.projects[i]!, number: k + 1, isDraft: k === 1 }));
const section = { unit: doc.unit, year: doc.year, projectExpenditure: doc.projectExpenditure, projects: picked, problems: [] };

describe('interchange JSON', () => {
  it('keeps each table’s printed number and draft mark', () => {
    const json = toInterchange(section);
    expect(json.projects.map((p) => [p.number, p.draft])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
    const back = fromInterchange(JSON.parse(JSON.stringify(json)));
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.doc.projects.map((p) => [p.number, p.isDraft])).toEqual([[1, false], [2, true], [3, false]]);
  });

  it('numbers a parsed document as printed and leaves draft out (a published text is taken as published)', () => {
    const json = toInterchange(doc);
    expect(json.projects.map((p) => p.number)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(json.projects.every((p) => !('draft' in p))).toBe(true);
  });

  it('reads documents without number, draft or cover, and ignores a cover on reading', () => {
    const json = JSON.parse(JSON.stringify(toInterchange(section))) as { projects: Record<string, unknown>[]; cover?: unknown };
    for (const p of json.projects) {
      delete p.number;
      delete p.draft;
    }
    const back = fromInterchange(json);
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.doc.projects.every((p) => p.number === undefined && p.isDraft === undefined)).toBe(true);
    json.cover = { projects: [], total: '0.00', projectExpenditure: null, difference: null };
    expect(fromInterchange(json).ok).toBe(true);
  });

  it('refuses a number or draft of the wrong type, naming the path', () => {
    const json = JSON.parse(JSON.stringify(toInterchange(section))) as { projects: Record<string, unknown>[] };
    json.projects[0]!.number = 0;
    json.projects[1]!.draft = 'yes';
    const back = fromInterchange(json);
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.problems.map((p) => p.message.split('：')[0])).toEqual(['projects.0.number', 'projects.1.draft']);
  });
});

describe('published text', () => {
  const cover: TextCover = {
    rows: picked.map((p) => ({ number: p.number, code: p.code, name: p.name, total: p.budget.total, isDraft: p.isDraft })),
    total: '1.00',
    projectExpenditure: '3447.87',
    difference: '-3446.87',
    note: '本清单只含已审核的表，未审核的表（草稿）不计入合计。合计与单位项目支出的差额可能来自这些表，不一定是错误。',
  };
  const text = renderDocument({ ...section, projects: picked }, { cover });

  it('prints the numbers given, marks the draft, and parses back to the same tables', () => {
    expect([...text.matchAll(/^## (\d+)、/gm)].map((m) => Number(m[1]))).toEqual([1, 2, 3]);
    expect(text.match(/【草稿】/g)).toHaveLength(1);
    expect(text.split('## 2、')[1]!.split('\n').slice(0, 3)).toEqual(expect.arrayContaining(['【草稿】本表尚未审核通过']));
    const back = parsePublished(text);
    expect(back.problems).toEqual([]);
    expect(toInterchange(back).projects).toEqual(toInterchange({ ...section, projects: picked.map(({ isDraft: _d, ...p }) => p) }).projects);
  });

  it('lists the cover before the tables without the parser taking it for a table', () => {
    const head = text.slice(0, text.indexOf('## 1、'));
    expect(head).toContain('项目清单（单位：万元）');
    expect(head).toContain(`2\t${picked[1]!.code}\t${picked[1]!.name}（草稿）\t${picked[1]!.budget.total}`);
    expect(head).toContain('\t\t差额（合计 − 项目支出）\t-3446.87');
    expect(head).toContain('\n本清单只含已审核的表，未审核的表（草稿）不计入合计。');
    expect(parsePublished(text).projectExpenditure).toBe('3447.87');
  });
});
