import { describe, expect, it } from 'vitest';
import { sumYuan, wanyuanToYuan, formatWanyuan } from '@/lib/domain/money';
import { parsePublished } from './parse';
import { referenceText } from './testing/reference';

const doc = parsePublished(referenceText());
const t = (n: number) => doc.projects.find((p) => p.source.number === n)!;

describe('parsing the reference disclosure', () => {
  it('finds the unit, the year, 项目支出 and all 23 tables with 212 rows and no problems', () => {
    expect(doc.unit).toEqual({ code: '441001', name: '承德市人力资源和社会保障局本级' });
    expect(doc.year).toBe(2024);
    expect(doc.projectExpenditure).toBe('3447.87');
    expect(doc.projects.map((p) => p.source.number)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(doc.projects.reduce((n, p) => n + p.indicators.length, 0)).toBe(212);
    expect(doc.problems).toEqual([]);
  });

  it('reads budgets that add up to the document’s 项目支出', () => {
    expect(formatWanyuan(sumYuan(doc.projects.map((p) => wanyuanToYuan(p.budget.total))))).toBe('3447.87');
    for (const p of doc.projects) expect(p.budget.other).toBeNull();
  });

  it('reads table 1 field by field', () => {
    const one = t(1);
    expect(one.code).toBe('13080024P00009810002A');
    expect(one.name).toBe('2024 调解仲裁和信访慰问业务经费');
    expect(one.budget).toEqual({ total: '10.00', fiscal: '10.00', other: null });
    expect(one.purpose).toMatch(/^进一步加强劳动人事争议处理效能建设.*切实维护劳动人事关系和谐与社会稳定。$/);
    expect(one.goal).toMatch(/^1\. 进一步加强劳动人事争议/);
    expect(one.schedule).toEqual([{ month: 3, percent: 25 }, { month: 6, percent: 50 }, { month: 10, percent: 75 }]);
    expect(one.indicators.map((r) => [r.level1, r.level2, r.name, r.value, r.basis, r.isPlaceholder])).toEqual([
      ['产出指标', '质量指标', '案件结案率(%)', '≥92%', '工作计划', false],
      ['产出指标', '数量指标', '案件受理量', '≤300 件', '工作计划', false],
      ['产出指标', '数量指标', '登记接待群众来访数量', '≤100 件', '工作计划', false],
      ['产出指标', '质量指标', '仲裁结果执行率', '100%', '工作计划', false],
      ['产出指标', '时效指标', '案件办理时限', '≤60 天', '工作计划', false],
      ['产出指标', '成本指标', '总成本控制', '≤10 万元', '工作计划', false],
      ['效益指标', '可持续影响指标', '对本行业未来可持续发展的影响', '完成良好', '工作计划', false],
      ['效益指标', '社会效益指标', '构建和谐劳动关系', '有效提升', '工作计划', false],
      ['效益指标', '经济效益指标', '无经济效益指标', '无经济效益指标', '无经济效益指标', true],
      ['效益指标', '生态效益指标', '无生态效益指标', '无生态效益指标', '无生态效益指标', true],
      ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%', '经验标准', false],
    ]);
  });

  it('skips the plan block printed twice and keeps the goal that follows (table 3)', () => {
    expect(t(3).schedule).toEqual([{ month: 3, percent: 25 }, { month: 6, percent: 50 }, { month: 10, percent: 75 }]);
    expect(t(3).goal).toMatch(/^1\. 1\. 进一步提高档案管理信息化程度/);
    expect(t(3).indicators[0]).toMatchObject({ name: '档案整理数量', value: '≤17000 份', basis: '年度工作目标' });
  });

  it('reads the table whose header is shifted by a column (table 11)', () => {
    expect(t(11).indicators[0]).toMatchObject({
      level1: '产出指标',
      level2: '数量指标',
      name: '档案管理数量',
      description: '档案接收转递、整理装订、信息化加工、出具证明、材料收集归档等公共服务',
      value: '≥27000 份',
      basis: '年度工作计划',
    });
    expect(t(11).indicators).toHaveLength(9);
  });

  it('reads a table with a spacer column between 二级指标 and 三级指标, in its header and rows, by the header', () => {
    const ls = referenceText().split('\n');
    const from = ls.findIndex((l) => /2、.*绩效目标表/.test(l));
    const to = ls.findIndex((l) => /3、.*绩效目标表/.test(l));
    const head = ls.findIndex((l, i) => i > from && l.startsWith('一级指标'));
    // Table 2's indicator header and rows: a spacer inserted after the second column.
    for (let i = head; i < to; i++) {
      const cells = ls[i]!.split('\t');
      if (cells.length >= 6) ls[i] = [...cells.slice(0, 2), '', ...cells.slice(2)].join('\t');
    }
    const spaced = parsePublished(ls.join('\n'));
    expect(spaced.problems).toEqual([]);
    const row = (r: (typeof doc.projects)[number]['indicators'][number]) => [r.level1, r.level2, r.name, r.description, r.value, r.basis];
    expect(spaced.projects.find((p) => p.source.number === 2)!.indicators.map(row)).toEqual(t(2).indicators.map(row));
  });

  it('takes 12 月底 100% on its own line and strips HTML from the goal (table 13)', () => {
    expect(t(13).schedule.at(-1)).toEqual({ month: 12, percent: 100 });
    expect(t(13).goal).not.toMatch(/<\/?p>/);
    expect(t(13).goal).toContain('维护社会和谐稳定。 根据河北省职称改革');
    expect(t(13).indicators.filter((r) => r.level2 === '数量指标').map((r) => r.name)).toEqual(['鉴定人次', '职称评审卷宗数量']);
    expect(t(13).indicators[5]).toMatchObject({ level1: '产出指标', level2: '质量指标', name: '职称评审淘汰率', value: '≤10%' });
  });

  it('joins a description wrapped across a page break (table 16)', () => {
    const row = t(16).indicators.find((r) => r.name === '提供长期稳定服务')!;
    expect(row.description).toBe('提供长期稳定服务 系统建成能够长期稳定保障办公系统正常运行，保障业务工作正常运转。');
    expect(t(16).indicators.filter((r) => r.level2 === '时效指标')).toHaveLength(2);
  });

  it('joins a basis wrapped across a page break (table 18)', () => {
    expect(t(18).indicators.find((r) => r.level2 === '可持续影响指标')!.basis).toBe('破产安置文件、年度工作计划');
  });

  it('reads plan months and percents written with full-width digits (３ 月底, ２５%)', () => {
    const text = referenceText();
    const at = text.indexOf('\t3 月底\t\t6 月底\t\t10 月底\t');
    expect(at).toBeGreaterThan(0);
    const wide = `${text.slice(0, at)}\t３ 月底\t\t6 月底\t\t１０ 月底\t${text.slice(at + '\t3 月底\t\t6 月底\t\t10 月底\t'.length).replace('\t25%\t', '\t２５%\t')}`;
    const again = parsePublished(wide);
    expect(again.problems).toEqual([]);
    expect(again.projects[0]!.schedule).toEqual(t(1).schedule);
  });

  it('joins a project name wrapped onto the next line (table 6)', () => {
    const line = '项目名称\t2024 年度“河北省机关事业单位工资管理信息系统”软件技术运维服务费\t\t';
    expect(referenceText()).toContain(line);
    const wrapped = parsePublished(referenceText().replace(line, '项目名称\t2024 年度“河北省机关事业单位工资管\t\t\n\t\t\t\t理信息系统”软件技术运维服务费\t\t'));
    expect(wrapped.problems).toEqual([]);
    expect(wrapped.projects.find((p) => p.source.number === 6)!.name).toBe('2024 年度“河北省机关事业单位工资管理信息系统”软件技术运维服务费');
    expect(wrapped.projects.find((p) => p.source.number === 6)!.purpose).toBe(t(6).purpose);
  });

  it('joins a project code and name wrapped together, each in its own column (table 6)', () => {
    const line = '项目编码\t13080024P00010910002N\t\t项目名称\t2024 年度“河北省机关事业单位工资管理信息系统”软件技术运维服务费\t\t';
    expect(referenceText()).toContain(line);
    const wrapped = parsePublished(
      referenceText().replace(line, '项目编码\t13080024P000109\t\t项目名称\t2024 年度“河北省机关事业单位工资管\t\t\n\t10002N\t\t\t理信息系统”软件技术运维服务费\t\t'),
    );
    const six = wrapped.projects.find((p) => p.source.number === 6)!;
    expect(six.code).toBe('13080024P00010910002N');
    expect(six.name).toBe('2024 年度“河北省机关事业单位工资管理信息系统”软件技术运维服务费');
  });

  it('joins a 三级指标 or 二级指标 wrapped onto a line of its own, instead of making a row of it', () => {
    const wrapped = referenceText()
      .replace('\t数量指标\t案件受理量\t案件受理量\t≤300 件\t工作计划\t', '\t数量指标\t案件受\t案件受理量\t≤300 件\t工作计划\t\n\t\t理量\t\t\t\t')
      .replace('满意度指标\t服务对象满意度指标\t服务对象满意度\t服务对象满意度\t≥90%\t经验标准', '满意度指标\t服务对象满意\t服务对象满意度\t服务对象满意度\t≥90%\t经验标准\n\t度指标\t\t\t\t');
    expect(wrapped).toContain('\n\t\t理量\t');
    expect(wrapped).toContain('\n\t度指标\t');
    const again = parsePublished(wrapped);
    expect(again.problems).toEqual([]);
    const one = again.projects.find((p) => p.source.number === 1)!;
    expect(one.indicators).toEqual(t(1).indicators);
    expect(again.projects.reduce((n, p) => n + p.indicators.length, 0)).toBe(212);
  });

  it('keeps a row with both names but nothing else as a row of its own, with a problem', () => {
    const cut = referenceText().replace('\t数量指标\t案件受理量\t案件受理量\t≤300 件\t工作计划\t', '\t数量指标\t案件受理量\t\t\t\t');
    const again = parsePublished(cut);
    const one = again.projects.find((p) => p.source.number === 1)!;
    expect(one.indicators).toHaveLength(t(1).indicators.length);
    expect(one.indicators[1]).toMatchObject({ level2: '数量指标', name: '案件受理量', value: '' });
    expect(one.indicators[0]).toEqual(t(1).indicators[0]);
    expect(again.problems.map((p) => p.message).join()).toContain('指标“案件受理量”缺少“指标值”和“指标值确定依据”列');
  });

  it('flags placeholder rows, keeping cells that deviate (tables 7 and 19)', () => {
    expect(t(7).indicators.find((r) => r.level2 === '经济效益指标')).toMatchObject({ name: '经济效益指标', description: '无经济效益指标', isPlaceholder: true });
    expect(t(19).indicators.find((r) => r.level2 === '经济效益指标')).toMatchObject({ isPlaceholder: true, basis: '破产安置文件、年度工作计划' });
    expect(doc.projects.every((p) => p.indicators.filter((r) => r.isPlaceholder).length === 2)).toBe(true);
  });

  it('keeps a typo in a title as printed (table 5) and reads the heading depth it has (table 4)', () => {
    expect(t(5).source.title).toBe('2024 年度]劳动大厦供养人员经费');
    expect(t(4).name).toBe('2024 购买停车场服务');
  });

  it('finds the 23 projects named in the budget narrative, with their lines', () => {
    expect(doc.mentions).toHaveLength(23);
    expect(doc.mentions[0]).toEqual({ name: '2024 年度城乡居民养老保险市级补助资金', amount: '517.93', line: 439 });
    expect(doc.mentions.find((m) => m.name.includes('信访'))).toEqual({ name: '2024 调解仲裁和信访维稳业务经费', amount: '10.00', line: 441 });
  });
});
