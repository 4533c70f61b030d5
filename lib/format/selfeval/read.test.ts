import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toFixed } from '@/lib/domain/ratio';
import { scoreIndicator } from '@/lib/domain/scoring';
import type { SelfEvalSheet } from '@/lib/domain/selfeval-sheet';
import { selfEvalUnitYearXlsx, selfEvalXlsx } from '@/lib/export/selfeval-xlsx';
import { fullSheet, tangxiSheet } from '@/lib/export/selfeval-testing';
import { gridOf } from '@/lib/format/layouts/grid';
import { readSelfEvalGrid, readSelfEvalText, readSelfEvalXlsx, type SelfEvalRead } from './read';

const sample = (name: string) => fs.readFileSync(path.join(__dirname, 'samples', name), 'utf8');

function sheetOf(r: SelfEvalRead): SelfEvalSheet {
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.sheet;
}

/**
 * Numbers as the spreadsheet holds them: an XLSX cell keeps 10.00 as the number 10, so the text read
 * back is `10`. Values compare equal when they are the same number; everything else must be the same text.
 */
function asNumbers(s: SelfEvalSheet): SelfEvalSheet {
  const n = (v: string) => (/^-?\d+(?:\.\d+)?$/.test(v) ? String(Number(v)) : v);
  return {
    ...s,
    funds: s.funds.map((f) => ({ ...f, initial: n(f.initial), annual: n(f.annual), executed: n(f.executed), weight: n(f.weight), rate: n(f.rate), score: n(f.score) })),
    indicators: s.indicators.map((r) => ({ ...r, weight: n(r.weight), score: n(r.score) })),
    selfScore: n(s.selfScore),
  };
}

describe('reading a published 自评表', () => {
  it('reads the 棠溪镇 2022 text into exactly the transcribed values', () => {
    const r = readSelfEvalText(sample('tangxi-2022-tabs.txt'));
    expect(sheetOf(r)).toEqual(tangxiSheet());
    // The parts the copy does not have are warned about, not invented.
    expect(r.warnings.map((w) => w.field)).toEqual(['goal', 'selfScore']);
    expect(r.warnings[1]!.message).toBe('未找到总分行，自评得分和等级留空');
  });

  it('reads the same table given with pipes, full-width digits and traditional labels', () => {
    const text = sample('tangxi-2022-tabs.txt')
      .split('\n')
      .map((l) => (l.includes('\t') ? `| ${l.split('\t').join(' | ')} |` : l))
      .join('\n')
      .replace('89.974', '８９.９７４')
      .replace('三级指标', '三級指標');
    expect(sheetOf(readSelfEvalText(text))).toEqual(tangxiSheet());
  });

  it('reads the same table with its columns apart by runs of spaces, blank cells lost (pdftotext -layout)', () => {
    const text = sample('tangxi-2022-tabs.txt')
      .split('\n')
      .map((l) => l.split('\t').filter((c) => c !== '').join('    '))
      .join('\n');
    expect(text).not.toContain('\t');
    expect(sheetOf(readSelfEvalText(text))).toEqual(tangxiSheet());
  });

  it('a sheet exported to XLSX and read back equals the original (numbers as numbers)', async () => {
    for (const sheet of [fullSheet(), tangxiSheet(), fullSheet({ grade: '', selfScore: '' })]) {
      const [r, ...rest] = await readSelfEvalXlsx(await selfEvalXlsx(sheet));
      expect(rest).toHaveLength(0);
      expect(asNumbers(sheetOf(r!))).toEqual(asNumbers(sheet));
    }
  });

  it('a unit-year workbook reads back one sheet per table, passing over the 汇总 sheet', async () => {
    const sheets = [fullSheet(), fullSheet({ projectName: '第二个项目', projectCode: 'P2', selfScore: '92.25', grade: '优' })];
    const reads = await readSelfEvalXlsx(await selfEvalUnitYearXlsx({ code: '441001', name: '单位' }, 2024, sheets));
    expect(reads.map((r) => asNumbers(sheetOf(r)))).toEqual(sheets.map(asNumbers));
    expect(reads.map((r) => r.source)).toEqual([`工作表“1、${sheets[0]!.projectName}”`, '工作表“2、第二个项目”']);
  });

  it('as the source prints it: 产出指标(50分), 年度资金总额: with a colon, a category row with no indicator under it', () => {
    const text = sample('tangxi-2022-tabs.txt')
      .replace('\t产出指标\t', '\t产出指标(50分)\t')
      .replace('\t效益指标\t', '\t效益指标（30分）\t')
      .replace('\t年度资金总额\t', '\t年度资金总额:\t')
      .concat('\t\t经济效益指标\n');
    expect(sheetOf(readSelfEvalText(text))).toEqual(tangxiSheet());
  });

  it('reads the table copied one cell a line, blank cells gone and header labels wrapped (年初 / 预算数)', () => {
    const wrap: Record<string, string> = { 年初预算数: '年初\n预算数', 全年预算数: '全年\n预算数', 全年执行数: '全年\n执行数', 年度指标值: '年度\n指标值', 实际完成值: '实际\n完成值' };
    const text = sample('tangxi-2022-tabs.txt')
      .split('\n')
      .flatMap((l) => l.split('\t'))
      .filter((c) => c.trim() !== '' && c !== '—')
      .map((c) => wrap[c] ?? c)
      .join('\n\n');
    expect(text).not.toContain('\t');
    const r = readSelfEvalText(text);
    expect(sheetOf(r)).toEqual(tangxiSheet());
    // With a goal, reasons on a row below full marks, unfilled template rows and a footer.
    const more = text
      .replace('绩效指标', '年度总体目标\n预期目标\n实际完成情况\n完成委托业务50项\n完成50项\n绩效指标')
      .replace('≥50个\n\n50\n\n8\n\n8', '≥50个\n\n45\n\n8\n\n7.2\n\n部分项目延至次年\n\n指标2\n\n……')
      .concat('\n总分\n100\n99.2\n等级：优\n');
    const s = sheetOf(readSelfEvalText(more));
    expect(s.goal).toEqual({ expected: '完成委托业务50项', actual: '完成50项' });
    expect(s.indicators[0]).toMatchObject({ name: '基建工程委托业务项目数量', actual: '45', score: '7.2', deviation: '部分项目延至次年' });
    expect(s.indicators.slice(1)).toEqual(tangxiSheet().indicators.slice(1));
    expect([s.selfScore, s.grade]).toEqual(['99.2', '优']);
    // Reasons followed at once by the next row's level (whose own values would fit a row start), and a
    // level label wrapped in its cell (`社会效益` / `指标`), as a real copy of another unit's table has them.
    const tight = more.replace('部分项目延至次年\n\n指标2\n\n……', '部分项目延至次年').replace('社会效益指标', '社会效益\n指标');
    const t = sheetOf(readSelfEvalText(tight));
    expect(t.indicators[0]!.deviation).toBe('部分项目延至次年');
    expect(t.indicators.slice(1)).toEqual(tangxiSheet().indicators.slice(1));
  });

  it('reads header fields written with a colon in one cell', () => {
    const text = sample('tangxi-2022-tabs.txt').replace('项目名称\t委托业务项目', '项目名称：委托业务项目\t项目编码：P-1');
    expect(sheetOf(readSelfEvalText(text))).toEqual({ ...tangxiSheet(), projectCode: 'P-1' });
  });

  it('reads a footer written as 总分 · 100 · score · 等级, and a goal row', () => {
    const text = [
      '项目支出绩效自评表（2023年度）',
      '项目名称\t测试项目\t项目编码\tP1',
      '主管部门\t某局\t实施单位\t某中心',
      '项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分',
      '\t年度资金总额\t100\t100\t95\t10\t95%\t9.5',
      '年度总体目标\t预期目标\t\t\t实际完成情况',
      '\t完成检查200次\t\t\t完成210次',
      '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因分析及改进措施',
      '产出指标\t数量指标\t检查次数\t≥200次\t210次\t90\t90\t（指标值设定偏低）',
      '总分\t\t\t\t\t100\t99.5\t自评等级：优',
    ].join('\n');
    const s = sheetOf(readSelfEvalText(text));
    expect(s).toMatchObject({ year: 2023, projectName: '测试项目', projectCode: 'P1', department: '某局', implementingUnit: '某中心', selfScore: '99.5', grade: '优' });
    expect(s.goal).toEqual({ expected: '完成检查200次', actual: '完成210次' });
    expect(s.funds).toEqual([{ label: '年度资金总额', initial: '100', annual: '100', executed: '95', weight: '10', rate: '95', score: '9.5' }]);
    expect(s.indicators[0]).toEqual({ level1: '产出指标', level2: '数量指标', name: '检查次数', target: '≥200次', actual: '210次', weight: '90', score: '90', deviation: '', warning: '指标值设定偏低' });
  });

  it('says per field, in Chinese, what cannot be read; a truncated row is an error on its line', () => {
    const text = sample('tangxi-2022-tabs.txt').replace('\t89.974\t89.974\t', '\t八十九\t89.974\t') + '\t满意度指标\t服务对象满意度指标\t公众满\n';
    const r = readSelfEvalText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { field: 'funds.1.annual', line: 7, message: '第 7 行：其中：当年财政拨款的全年预算数“八十九”不是数字' },
      { field: 'indicators.9.target', line: 18, message: '第 18 行：“公众满”缺少年度指标值（这一行可能不完整）' },
    ]);
    const none = readSelfEvalText('随便一段文字\n没有表格');
    expect(none.ok).toBe(false);
    if (none.ok) return;
    expect(none.errors.map((e) => e.field)).toEqual(['year', 'projectName', 'funds', 'indicators']);
    expect(none.errors.find((e) => e.field === 'indicators')!.message).toContain('未找到绩效指标表头');
  });

  it('a row whose 分值 is not a number names the row and the value', () => {
    const text = sample('tangxi-2022-tabs.txt').replace('\t≥50个\t50\t8\t8\t', '\t≥50个\t50\t八\t8\t');
    const r = readSelfEvalText(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ field: 'indicators.0.weight', line: 9, message: '第 9 行：“基建工程委托业务项目数量”的分值“八”不是数字' }]);
  });

  it('the rows read from the text re-score to their published scores (the import feeds the scorer)', () => {
    for (const r of sheetOf(readSelfEvalText(sample('tangxi-2022-tabs.txt'))).indicators) {
      const scored = scoreIndicator({ target: r.target, actual: r.actual, weight: r.weight, score: r.score });
      expect(scored.accepted && toFixed(scored.score), r.name).toBe(Number(r.score).toFixed(2));
    }
  });

  it('never throws on cells in any order: 2,000 random grids of labels, numbers and junk', () => {
    const words = ['项目名称', '主管部门', '实施单位', '项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', '年度资金总额', '其中：财政拨款', '预期目标', '实际完成情况', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '偏差原因分析及改进措施', '总分', '等级：优', '2022年度', '8', '-1.5', '—', '', '≥50个', 'x'.repeat(300), '（指标值设定偏低）'];
    let seed = 15;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let ok = 0;
    for (let g = 0; g < 2000; g++) {
      const rows = Array.from({ length: 1 + next(25) }, (_, i) => ({ line: i + 1, cells: Array.from({ length: next(11) }, () => words[next(words.length)]!) }));
      const r = readSelfEvalGrid(gridOf('随机', 'text', rows));
      if (r.ok) ok++;
      else expect(r.errors.every((e) => e.message !== '' && e.field !== '')).toBe(true);
    }
    expect(ok).toBeLessThan(2000);
  });

  it('reads 自评得分 and 自评等级 given on rows of their own under 总分 (or 合计)', () => {
    const base = sample('tangxi-2022-tabs.txt');
    for (const footer of ['合计\t\t\t\t\t\t100\n自评得分\t88.5\n自评等级\t良', '总分\t100\t88.5\n等级\t良好']) {
      const s = sheetOf(readSelfEvalText(`${base}${footer}\n`));
      expect([s.selfScore, s.grade], footer).toEqual(['88.5', '良']);
      expect(s.indicators).toHaveLength(9);
    }
    const bad = readSelfEvalText(`${base}总分\t100\n自评得分\t八十八\n`);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toEqual([{ field: 'selfScore', line: 19, message: '第 19 行：自评得分“八十八”不是数字' }]);
  });
});
