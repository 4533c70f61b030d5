/** The container readers on samples made from expected readings (testing/make-containers.ts). */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderXlsx } from '@/lib/export/xlsx';
import { fixtureSection } from '@/lib/export/fixtures';
import { fromInterchange, toInterchange } from '@/lib/format/published/interchange';
import { parsePublished } from '@/lib/format/published/parse';
import { readDocument, formatOf } from './read-document';
import { expectedTable, makeDocx, makeHtml, makeXlsx } from './testing/make-containers';

const GENERATED = path.join(__dirname, 'samples', 'generated');
const rowsOf = (doc: Awaited<ReturnType<typeof readDocument>>, i = 0) => doc.projects[i]!.indicators.map((r) => [r.level1, r.level2, r.name, r.value.replace(/\s+/g, '')]);
const expectedRows = (prefix: string) => expectedTable(prefix).indicators.map((r) => [r.level1 ?? '', r.level2 ?? '', r.name, (r.value ?? '').replace(/\s+/g, '')]);

describe('containers', () => {
  it('XLSX: two tables in one sheet, level 1 merged down, amounts in 元 converted to 万元', async () => {
    const doc = await readDocument(fs.readFileSync(path.join(GENERATED, 'two-tables-merged.xlsx')), { fileName: 'x.xlsx' });
    expect(doc.format).toBe('xlsx');
    expect(doc.projects.map((p) => [p.name, p.budget.total, p.amountUnit])).toEqual([
      ['2024 年度人事人才服务和社保体系工作经费', '200.00', '万元'],
      ['岳阳县2022年高标准农田建设项目', '854.00', '元'],
    ]);
    expect(rowsOf(doc, 0)).toEqual(expectedRows('11-'));
    expect(rowsOf(doc, 1)).toEqual(expectedRows('01-'));
    expect(doc.projects[0]!.code).toBe('13080024P00049910001B');
  });

  it('DOCX: w:vMerge and w:gridSpan, traditional labels, 中期 and 年度 values', async () => {
    const doc = await readDocument(fs.readFileSync(path.join(GENERATED, 'traditional-midterm-vmerge.docx')), { fileName: 'x.docx' });
    expect(rowsOf(doc)).toEqual(expectedRows('10-'));
    expect(doc.projects[0]!.indicators.map((r) => r.longtermValue)).toEqual(expectedTable('10-').indicators.map((r) => r.longterm_value));
    expect(doc.recognitions[0]!.columns.map((c) => c.text)).toEqual(['第 1 列 → 一级指标', '第 2 列 → 二级指标', '第 3 列 → 三级指标', '第 4 列 → 中长期指标值', '第 5 列 → 指标值']);
  });

  it('HTML: rowspan and colspan, a layout table around it ignored, a qualitative row with no value', async () => {
    const doc = await readDocument(fs.readFileSync(path.join(GENERATED, 'shenbaobiao-rowspan.html')));
    expect(doc.format).toBe('html');
    expect(rowsOf(doc)).toEqual(expectedRows('03-'));
    expect(doc.year).toBe(2022);
  });

  it('the committed samples are what the script makes', async () => {
    expect(fs.readFileSync(path.join(GENERATED, 'shenbaobiao-rowspan.html'), 'utf8')).toBe(makeHtml());
    expect(fs.readFileSync(path.join(GENERATED, 'traditional-midterm-vmerge.docx')).equals(makeDocx())).toBe(true);
    const again = await readDocument(await makeXlsx(), { format: 'xlsx' });
    expect(rowsOf(again, 1)).toEqual(expectedRows('01-'));
  });

  it('the format is found by content when the name has no extension', () => {
    expect(formatOf(fs.readFileSync(path.join(GENERATED, 'traditional-midterm-vmerge.docx')))).toBe('docx');
    expect(formatOf(fs.readFileSync(path.join(GENERATED, 'two-tables-merged.xlsx')))).toBe('xlsx');
    expect(formatOf(Buffer.from('<html><body><table>'))).toBe('html');
    expect(formatOf(Buffer.from('项目名称\n…'))).toBe('txt');
  });

  it('longtermValue and amountUnit survive the interchange JSON and back', async () => {
    const doc = await readDocument(fs.readFileSync(path.join(GENERATED, 'traditional-midterm-vmerge.docx')), { fileName: 'x.docx' });
    doc.projects[0]!.code = 'P1';
    const json = JSON.parse(JSON.stringify(toInterchange(doc))) as unknown;
    const back = fromInterchange(json);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.doc.projects[0]!.indicators[0]!.longtermValue).toBe('≥3次');
    expect(back.doc.projects[0]!.amountUnit).toBe('万元');
  });

  it('XLSX numbers shown as the sheet formats them: a percent, a date', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('表');
    sheet.addRow(['项目名称', '丁']);
    sheet.addRow(['资金总额（万元）', 10]);
    sheet.addRow(['一级指标', '二级指标', '三级指标', '指标值（包含数字及文字描述）']);
    sheet.addRow(['产出指标', '质量指标', '合格率', 0.95]).getCell(4).numFmt = '0%';
    sheet.addRow(['产出指标', '时效指标', '完成时间', new Date(Date.UTC(2024, 11, 31))]);
    const doc = await readDocument(Buffer.from(await book.xlsx.writeBuffer()), { format: 'xlsx' });
    expect(doc.projects[0]!.indicators.map((r) => r.value)).toEqual(['95%', '2024年12月31日']);
    expect(doc.projects[0]!.budget.total).toBe('10.00');
  });

  it('the reference exported as our own XLSX layout reads back: 23 tables, codes, and ≥ 99% of rows', async () => {
    const reference = parsePublished(fs.readFileSync(path.join(__dirname, '..', '..', 'demo', 'reference-441001-2024.txt'), 'utf8'));
    const doc = await readDocument(await renderXlsx(fixtureSection(reference.projects)), { format: 'xlsx' });
    expect(doc.projects.map((p) => p.code)).toEqual(reference.projects.map((p) => p.code));
    const key = (r: { level1: string; level2: string; name: string; value: string }) => [r.level1, r.level2, r.name, r.value].map((x) => x.replace(/\s+/g, '')).join('|');
    const found = new Map<string, number>();
    for (const p of doc.projects) for (const r of p.indicators) found.set(key(r), (found.get(key(r)) ?? 0) + 1);
    const want = reference.projects.flatMap((p) => p.indicators.map(key));
    const right = want.filter((k) => {
      const n = found.get(k) ?? 0;
      found.set(k, n - 1);
      return n > 0;
    }).length;
    console.log(`参考文档导出为 XLSX 再读入：${right}/${want.length} 行完全正确`);
    expect(right / want.length).toBeGreaterThanOrEqual(0.99);
  });
});
