import { describe, expect, it } from 'vitest';
import { FRAMEWORK_2015 } from '@/lib/domain/framework';
import { parsePaste, placeRows, readTsv } from './paste';
import { cellsOf, spreadsheetBytes, toClipboard } from './testing/spreadsheet';

let n = 0;
const opts = { framework: FRAMEWORK_2015, newKey: () => `k${++n}` };

const spreadsheetCells = async () => cellsOf(await spreadsheetBytes());

describe('reading clipboard text', () => {
  it('splits tabs and lines and undoes the quotes around a cell with a line break or a quote', () => {
    expect(readTsv('a\t"b\nc"\t"say ""hi"""\r\nd\t\te\r\n')).toEqual([
      ['a', 'b\nc', 'say "hi"'],
      ['d', '', 'e'],
    ]);
  });
});

describe('pasting rows', () => {
  it('reads a block copied from a real spreadsheet: header skipped, merged cells carried down, values typed', async () => {
    const cells = await spreadsheetCells();
    expect(cells[3]![4]).toBe('95%');
    const r = parsePaste(toClipboard(cells), opts);
    expect(r.problems).toEqual([]);
    expect(r.hasHeader).toBe(true);
    expect(r.rows.map((x) => [x.line, x.row.level1, x.row.level2, x.row.name])).toEqual([
      [2, '产出指标', '数量指标', '培训人次'],
      [3, '产出指标', '数量指标', '发放证书数量'],
      [4, '产出指标', '质量指标', '培训合格率'],
      [5, '产出指标', '时效指标', '完成时间'],
      [6, '产出指标', '成本指标', '总成本控制'],
      [7, '效益指标', '经济效益指标', '无经济效益指标'],
      [8, '效益指标', '社会效益指标', '就业率提升'],
      [9, '满意度指标', '服务对象满意度指标', '服务对象满意度'],
    ]);
    const byName = new Map(r.rows.map((x) => [x.row.name, x.row]));
    expect(byName.get('培训人次')!.target).toEqual({ kind: 'quantity', op: '>=', number: 500, unit: '人次' });
    expect(byName.get('发放证书数量')!.target).toEqual({ kind: 'quantity', op: '=', number: 300, unit: '' });
    expect(byName.get('培训合格率')).toMatchObject({ description: '考核合格人数占参训人数比例', target: { kind: 'quantity', number: 95, unit: '%' } });
    expect(byName.get('完成时间')!.target).toMatchObject({ kind: 'deadline', month: 12, day: 20 });
    expect(byName.get('总成本控制')!.target).toEqual({ kind: 'quantity', op: '<=', number: 10, unit: '万元' });
    expect(byName.get('无经济效益指标')!.isPlaceholder).toBe(true);
    expect(byName.get('就业率提升')!.target).toEqual({ kind: 'text' });
  });

  it('takes rows without 一级/二级 columns into the category pasted in', () => {
    const r = parsePaste('政策知晓率\t群众对政策的知晓程度\t≥85%\t问卷调查\n宣传覆盖面\t覆盖乡镇\t100%\t工作计划', { ...opts, into: { level1: '效益指标', level2: '社会效益指标' } });
    expect(r.problems).toEqual([]);
    expect(r.rows.map((x) => [x.row.level2, x.row.name, x.row.value])).toEqual([
      ['社会效益指标', '政策知晓率', '≥85%'],
      ['社会效益指标', '宣传覆盖面', '100%'],
    ]);
  });

  it('says why a row cannot be placed, beside its line, and keeps the others', () => {
    const r = parsePaste('产出指标\t数量指标\t培训人次\t说明\t≥500 人次\t计划\n\t不存在指标\t某指标\t说明\t1\t计划\n\t质量指标\t\t说明\t1\t计划\n效益指标\t数量指标\t错位\t说明\t1\t计划\n只有三级\t描述\t1\t依据', opts);
    expect(r.rows.map((x) => x.row.name)).toEqual(['培训人次']);
    expect(r.problems).toEqual([
      { line: 2, message: '第 2 行的二级指标“不存在指标”不在本年度的指标体系中' },
      { line: 3, message: '第 3 行没有三级指标名称' },
      { line: 4, message: '第 4 行：二级指标“数量指标”属于“产出指标”，不属于“效益指标”' },
      // Carried down from line 4, as the spreadsheet's merged cells would be.
      { line: 5, message: '第 5 行：二级指标“数量指标”属于“产出指标”，不属于“效益指标”' },
    ]);
  });

  it('places rows under their 二级, replacing a placeholder, ignoring a pasted placeholder where rows exist', async () => {
    const r = parsePaste(toClipboard(await spreadsheetCells()), opts);
    const current = [
      { key: 'a', level1: '产出指标', level2: '数量指标', name: '原有数量', description: '', value: '1 个', target: { kind: 'text' as const }, basis: '', isPlaceholder: false },
      { key: 'b', level1: '效益指标', level2: '经济效益指标', name: '原有经济', description: '', value: '', target: { kind: 'text' as const }, basis: '', isPlaceholder: false },
      { key: 'c', level1: '效益指标', level2: '社会效益指标', name: '无社会效益指标', description: '', value: '', target: { kind: 'text' as const }, basis: '', isPlaceholder: true },
    ];
    const pasted = r.rows.map((x) => x.row);
    const placed = placeRows<(typeof pasted)[number]>(FRAMEWORK_2015, current, pasted);
    expect(placed.map((x) => x.name)).toEqual(['原有数量', '培训人次', '发放证书数量', '培训合格率', '完成时间', '总成本控制', '原有经济', '就业率提升', '服务对象满意度']);
  });
});
