import { describe, expect, it } from 'vitest';
import { fromInterchange, toInterchange } from './interchange';
import { parsePublished } from './parse';
import { renderDocument } from './render';
import { logicalTables } from './testing/cells';
import { referenceText } from './testing/reference';

const reference = referenceText();
const doc = parsePublished(reference);
const rendered = renderDocument(doc);

describe('round trip', () => {
  it('parsing the rendered text gives identical interchange JSON', () => {
    const again = parsePublished(rendered);
    expect(again.problems).toEqual([]);
    expect(toInterchange(again)).toEqual(toInterchange(doc));
  });

  it('puts every cell of the 23 reference tables in the same row and column of the rendered text', () => {
    const expected = logicalTables(reference);
    const actual = logicalTables(rendered);
    expect(expected).toHaveLength(23);
    expect(actual).toHaveLength(23);
    let cells = 0;
    expected.forEach((table, i) => {
      const got = actual[i]!;
      expect(got.title, `表 ${i + 1} 的标题`).toBe(table.title);
      expect(got.rows.length, `表 ${i + 1} 的指标行数`).toBe(table.rows.length);
      table.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          cells++;
          expect(got.rows[r]![c], `表 ${i + 1} 第 ${r + 1} 行第 ${c + 1} 列`).toBe(cell);
        }),
      );
      table.header.forEach((row, r) => {
        cells += row.length;
        expect(got.header[r], `表 ${i + 1} 表头第 ${r + 1} 行`).toEqual(row);
      });
    });
    expect(cells).toBeGreaterThan(1500);
  });

  it('would notice a cell moved to another column', () => {
    const broken = rendered.replace('案件受理量\t≤300 件', '≤300 件\t案件受理量');
    const moved = logicalTables(broken)[0]!.rows[1]!;
    expect(moved).not.toEqual(logicalTables(reference)[0]!.rows[1]);
  });

  it('interchange JSON reads back into the same tables', () => {
    const json = JSON.parse(JSON.stringify(toInterchange(doc))) as unknown;
    const back = fromInterchange(json);
    expect(back.ok).toBe(true);
    if (back.ok) {
      expect(toInterchange({ ...back.doc, problems: [] })).toEqual(toInterchange({ ...doc, problems: [] }));
    }
  });

  it('lists placeholder rows by category only, and keeps cells that deviate', () => {
    const json = toInterchange(doc);
    expect(json.projects[0]!.indicators[8]).toEqual({ level1: '效益指标', level2: '经济效益指标', placeholder: true });
    const t19 = json.projects[18]!.indicators.find((r) => r.level2 === '经济效益指标');
    expect(t19).toEqual({ level1: '效益指标', level2: '经济效益指标', placeholder: true, basis: '破产安置文件、年度工作计划' });
  });

  it('refuses malformed interchange JSON with messages that name the path', () => {
    const bad = fromInterchange({ unit: null, year: 2024, projectExpenditure: '1.5', projects: [{ code: '', name: 'x' }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems.map((p) => p.message).join('\n')).toContain('projectExpenditure');
      expect(bad.problems.map((p) => p.message).join('\n')).toContain('projects.0');
    }
  });
});
