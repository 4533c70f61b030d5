import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SelfEvalSheet } from '@/lib/domain/selfeval-sheet';
import { selfEvalPdf, selfEvalUnitYearPdf } from './selfeval-pdf';
import { fullSheet, tangxiSheet } from './selfeval-testing';

function pdfText(buf: Buffer, layout = false): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-selfeval-pdf-')), 'x.pdf');
  fs.writeFileSync(file, buf);
  return execFileSync('pdftotext', [layout ? '-layout' : '-raw', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

const pages = (text: string) => text.split('\f').filter((p) => p.trim() !== '');
const strip = (s: string) => s.replace(/\s+/g, '');

/** Every value of the sheet, as printed. */
function valuesOf(s: SelfEvalSheet): string[] {
  return [
    s.projectName, s.projectCode, s.department, s.implementingUnit,
    ...s.funds.flatMap((f) => [f.label, f.initial, f.annual, f.executed, f.weight, f.rate, f.score]),
    s.goal.expected, s.goal.actual,
    ...s.indicators.flatMap((r) => [r.level1, r.level2, r.name, r.target, r.actual, r.weight, r.score, r.deviation, r.warning ?? '']),
    s.selfScore, s.grade === '' ? '' : `等级：${s.grade}`,
  ].filter((v) => v !== '');
}

function longSheet(rows: number): SelfEvalSheet {
  const base = fullSheet();
  return {
    ...base,
    indicators: Array.from({ length: rows }, (_, i) => ({ ...base.indicators[i % base.indicators.length]!, name: `第${i + 1}项指标`, deviation: i % 3 === 0 ? `第${i + 1}项的偏差原因，写得较长，用来测试换页时表头是否重复以及合并单元格是否在每页重画。` : '' })),
  };
}

describe('自评表 PDF', () => {
  it('contains every value of a full table, extractable as text, on one A4 page', async () => {
    const sheet = fullSheet();
    const buf = await selfEvalPdf(sheet);
    const text = pdfText(buf);
    const flat = strip(text);
    for (const v of valuesOf(sheet)) expect(flat.includes(strip(v)), `“${v}”`).toBe(true);
    for (const label of ['项目支出绩效自评表（2024年度）', '项目名称', '主管部门', '实施单位', '项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '执行率', '年度总体目标', '预期目标', '实际完成情况', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施', '总分', '100']) {
      expect(flat, label).toContain(strip(label));
    }
    expect(pages(text)).toHaveLength(1);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-selfeval-pdf-')), 'x.pdf');
    fs.writeFileSync(file, buf);
    const size = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(size).toMatch(/Page size:\s+595\.28 x 841\.89/);
  });

  it('the transcribed 棠溪镇 table: every transcribed value is printed', async () => {
    const sheet = tangxiSheet();
    const flat = strip(pdfText(await selfEvalPdf(sheet)));
    for (const v of valuesOf(sheet)) expect(flat.includes(strip(v)), `“${v}”`).toBe(true);
  });

  it('a long table breaks pages with the title (续) and the indicator header repeated, nothing lost', async () => {
    const sheet = longSheet(60);
    const text = pdfText(await selfEvalPdf(sheet));
    const ps = pages(text);
    expect(ps.length).toBeGreaterThan(1);
    ps.slice(1).forEach((p) => {
      expect(strip(p)).toContain('项目支出绩效自评表（2024年度）（续）');
      expect(strip(p)).toContain('偏差原因分析及改进措施');
    });
    const flat = strip(text);
    for (let i = 1; i <= 60; i++) expect(flat).toContain(`第${i}项指标`);
    expect(flat).toContain('等级：良');
  });

  it('a unit-year: a 汇总 page, then each table from a page of its own', async () => {
    const sheets = [fullSheet(), fullSheet({ projectName: '第二个项目', projectCode: 'P2', selfScore: '92.25', grade: '优' }), tangxiSheet()];
    const ps = pages(pdfText(await selfEvalUnitYearPdf({ code: '441001', name: '承德市人力资源和社会保障局本级' }, 2024, sheets)));
    expect(ps).toHaveLength(4);
    const summary = strip(ps[0]!);
    expect(summary).toContain('441001承德市人力资源和社会保障局本级2024年度项目支出绩效自评汇总');
    expect(summary).toContain(strip('平均分（2 张已评分）89.88'));
    expect(summary).toContain(strip('优 1 · 良 1 · 中 0 · 差 0'));
    sheets.forEach((s, i) => {
      const p = strip(ps[i + 1]!);
      for (const v of valuesOf(s)) expect(p.includes(strip(v)), `表 ${i + 1}：“${v}”`).toBe(true);
    });
  });

  it('a row taller than a page (a 5,000-character 偏差原因) continues on the next page, every character kept', async () => {
    const base = fullSheet();
    const long = Array.from({ length: 250 }, (_, i) => `第${String(i).padStart(3, '0')}句原因说明。`).join('');
    const sheet = { ...base, indicators: base.indicators.map((r, i) => (i === 1 ? { ...r, deviation: long } : r)) };
    const text = pdfText(await selfEvalPdf(sheet));
    expect(pages(text).length).toBeGreaterThan(1);
    // The cell's lines, in order across the break (the furniture and the header of the next page between them left out).
    const cellText = text.split('\n').filter((l) => /^[第句原因说明。\d]+$/.test(l.trim())).join('');
    expect(cellText).toBe(long);
  });

  it('gives the same bytes for the same sheets', async () => {
    const unit = { code: '441001', name: '单位' };
    const a = await selfEvalPdf(fullSheet());
    const ua = await selfEvalUnitYearPdf(unit, 2024, [fullSheet(), tangxiSheet()]);
    await new Promise((r) => setTimeout(r, 1100));
    expect(a.equals(await selfEvalPdf(fullSheet()))).toBe(true);
    expect(ua.equals(await selfEvalUnitYearPdf(unit, 2024, [fullSheet(), tangxiSheet()]))).toBe(true);
  });
});
