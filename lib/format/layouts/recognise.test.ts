/** Recognition on small constructed tables: what is refused, what is unsure, and corrections re-run. */
import { describe, expect, it } from 'vitest';
import { documentFromGrids, readDocument } from './read-document';
import { readText } from './read-text';

const text = (s: string) => Buffer.from(s);

const PIPES = `项目支出绩效目标申报表
| 项目名称 | 测试项目 | | |
| 项目编码 | P-01 | | |
| 年度资金总额 | 12000 | 其中：财政拨款 | 12000 |
| 一级指标 | 二级指标 | 三级指标 | 指标值 |
|---|---|---|---|
| 产出指标 | 数量指标 | 培训人次 | ≥100人次 |
| 满意度指标 | 服务对象满意度指标 | 满意度 | ≥90% |
`;

describe('recognition', () => {
  it('reads a markdown table; with no unit printed assumes 万元 and says so', async () => {
    const doc = await readDocument(text(PIPES), { fileName: 'a.md' });
    expect(doc.projects.map((p) => [p.code, p.name, p.budget.total])).toEqual([['P-01', '测试项目', '12000.00']]);
    expect(doc.recognitions[0]!.isAmountUnitPrinted).toBe(false);
    expect(doc.recognitions[0]!.unsure).toContainEqual({ row: null, field: 'amountUnit', reason: '表中没有注明金额单位，按万元读取' });
  });

  it('a caller can correct the amount unit and a column meaning, and recognition runs again', () => {
    const twoValues = PIPES.replace('| 指标值 |', '| 指标值 | 调整后 |').replace('|---|---|---|---|', '|---|---|---|---|---|').replace('≥100人次 |', '≥100人次 | ≥120人次 |').replace('≥90% |', '≥90% | ≥95% |');
    const grids = readText(twoValues);
    const first = documentFromGrids(grids, 'txt');
    expect(first.recognitions[0]!.columns.map((c) => c.text).slice(3)).toEqual(['第 4 列 → 指标值', '第 5 列 → 不读取']);
    const corrected = documentFromGrids(grids, 'txt', { 0: { amountUnit: '元', columns: { 3: 'longtermValue', 4: 'value' } } });
    expect(corrected.projects[0]!.budget.total).toBe('1.20');
    expect(corrected.recognitions[0]!.columns[4]).toMatchObject({ meaning: 'value', isOverridden: true, text: '第 5 列 → 指标值' });
    expect(corrected.projects[0]!.indicators[0]).toMatchObject({ value: '≥120人次', longtermValue: '≥100人次' });
    // Pure: the first reading is unchanged by the second.
    expect(first.projects[0]!.budget.total).toBe('12000.00');
    expect(first.projects[0]!.indicators[0]!.value).toBe('≥100人次');
  });

  it('a box-drawing table, with a cell wrapped over two lines', async () => {
    const box = [
      '项目名称：培训经费',
      '资金总额（万元）：5.00',
      '┌────────┬────────┬──────────┬──────┐',
      '│一级指标│二级指标│三级指标  │指标值│',
      '├────────┼────────┼──────────┼──────┤',
      '│产出指标│数量指标│培训人次  │≥100  │',
      '│        │        │（全年）  │人次  │',
      '├────────┼────────┼──────────┼──────┤',
      '│效益指标│社会效益│持续提升  │有效  │',
      '└────────┴────────┴──────────┴──────┘',
    ].join('\n');
    const doc = await readDocument(text(box), { fileName: 'b.txt' });
    expect(doc.projects[0]!.indicators.map((r) => [r.level1, r.level2, r.name, r.value])).toEqual([
      ['产出指标', '数量指标', '培训人次（全年）', '≥100人次'],
      ['效益指标', '社会效益', '持续提升', '有效'],
    ]);
    expect(doc.projects[0]!.budget.total).toBe('5.00');
  });

  it('a 自评表 is recognised and refused as targets', async () => {
    const self = PIPES.replace('项目支出绩效目标申报表', '项目支出绩效自评表').replace('| 指标值 |', '| 年度指标值 | 实际完成值 | 得分 |').replace(/(\| ≥\S+ \|)/g, '$1 完成 | 10 |');
    const doc = await readDocument(text(self), { fileName: 's.txt' });
    expect(doc.projects).toEqual([]);
    expect(doc.recognitions[0]!.kind).toBe('self-evaluation');
    expect(doc.problems.map((p) => p.message)).toContainEqual(expect.stringContaining('自评表，不能作为绩效目标导入'));
  });

  it('a blank template is refused with a message', async () => {
    const blank = ['绩效目标申报表', '项目名称', '', '一级指标', '二级指标', '三级指标', '指标值', '产出指标', '数量指标', '受益人数(≥**人)', '质量指标', '验收合格率(≥**%)'].join('\n\n');
    const doc = await readDocument(text(blank), { fileName: 't.txt' });
    expect(doc.projects).toEqual([]);
    expect(doc.recognitions[0]!.kind).toBe('template');
    expect(doc.problems[0]!.message).toContain('空白模板');
  });

  it('a document with no table says what was looked for', async () => {
    const doc = await readDocument(text('<html><body><p>通知</p></body></html>'), { fileName: 'n.html' });
    expect(doc.projects).toEqual([]);
    expect(doc.problems[0]!.message).toContain('没有找到绩效目标表');
  });

  it('funds split by government level: 财政资金 is their sum and marked unsure; 元 in the label converts', async () => {
    const split = ['| 项目名称 | 甲 |', '| 资金总额（元） | 1535184 |', '| 1.中央资金 | 1000000 |', '| 2.市级资金 | 535184 |', '| 一级指标 | 二级指标 | 三级指标 | 指标值 |', '| 产出指标 | 数量指标 | 公路 | 3500米 |'].join('\n');
    const doc = await readDocument(text(split), { fileName: 'f.txt' });
    expect(doc.projects[0]!.budget).toEqual({ total: '153.52', fiscal: '153.52', other: null });
    expect(doc.projects[0]!.amountUnit).toBe('元');
    const reasons = doc.recognitions[0]!.unsure.map((u) => u.reason);
    expect(reasons).toContainEqual(expect.stringContaining('四舍五入'));
    expect(reasons).toContainEqual(expect.stringContaining('各级财政资金合计'));
  });

  it('a web page with the value header over two rows (指标值 above 中期 / 年度) and levels without 指标', async () => {
    const html = `<table>
      <tr><td>项目名称</td><td colspan="4">乙</td></tr>
      <tr><td>资金总额（万元）</td><td colspan="4">8</td></tr>
      <tr><td rowspan="2">一级指标</td><td rowspan="2">二级指标</td><td rowspan="2">三级指标</td><td colspan="2">指标值</td></tr>
      <tr><td>中期</td><td>年度</td></tr>
      <tr><td rowspan="2">产出</td><td>数量</td><td>培训人次</td><td>≥300人次</td><td>≥100人次</td></tr>
      <tr><td>质量</td><td>合格率</td><td>100%</td><td>95%</td></tr>
      <tr><td>满意度</td><td>服务对象满意度</td><td>学员满意度</td><td>≥90%</td><td>≥85%</td></tr>
    </table>`;
    const doc = await readDocument(Buffer.from(html), { fileName: 'v.html' });
    expect(doc.projects[0]!.indicators.map((r) => [r.level1, r.level2, r.name, r.value, r.longtermValue])).toEqual([
      ['产出', '数量', '培训人次', '≥100人次', '≥300人次'],
      ['产出', '质量', '合格率', '95%', '100%'],
      ['满意度', '服务对象满意度', '学员满意度', '≥85%', '≥90%'],
    ]);
  });

  it('a 申报表 printed as two tables, the fields in one and the indicators in the next, is one table', async () => {
    const html = `<table><tr><td>项目名称</td><td>丙</td></tr><tr><td>资金总额（万元）</td><td>3</td></tr></table>
      <p>绩效指标</p>
      <table><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>
      <tr><td>产出指标</td><td>数量指标</td><td>人数</td><td>8人</td></tr></table>`;
    const doc = await readDocument(Buffer.from(html), { fileName: 'two.html' });
    expect(doc.projects.map((p) => [p.name, p.budget.total, p.indicators.length])).toEqual([['丙', '3.00', 1]]);
  });
});
