/**
 * Builds XLSX, DOCX and HTML samples from the expected reading of development samples, with the
 * libraries the readers use (exceljs; fflate for the DOCX zip), so the containers are covered by
 * tests: `npx tsx lib/format/layouts/testing/make-containers.ts` writes samples/generated/.
 * The XLSX holds two tables in one sheet with merged level cells; the DOCX merges with w:vMerge and
 * w:gridSpan and has 中期 and 年度 value columns in traditional characters.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';

type Row = { level1: string | null; level2: string | null; name: string; value: string | null; longterm_value: string | null };
type Table = { name: string; code: string | null; budget: { total: string | null; fiscal: string | null }; indicators: Row[] };
type Expected = { files: { file: string; tables: Table[] }[] };

const DIR = path.join(__dirname, '..', 'samples');
const OUT = path.join(DIR, 'generated');

export function expectedTable(prefix: string): Table {
  const all = JSON.parse(fs.readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as Expected;
  return all.files.find((f) => f.file.startsWith(prefix))!.tables[0]!;
}

/** Runs of equal values in a column, as [start, end] row indexes: what a merged cell covers. */
function runs(values: readonly string[]): [number, number][] {
  const out: [number, number][] = [];
  values.forEach((v, i) => {
    const last = out[out.length - 1];
    if (last && values[last[0]] === v) last[1] = i;
    else out.push([i, i]);
  });
  return out;
}

function addTable(sheet: ExcelJS.Worksheet, t: Table, unit: '元' | '万元'): void {
  const title = sheet.addRow([`${t.name}项目支出绩效目标申报表`]);
  sheet.mergeCells(title.number, 1, title.number, 5);
  sheet.addRow(['（2024年度）']);
  const name = sheet.addRow(['项目名称', t.name]);
  sheet.mergeCells(name.number, 2, name.number, 5);
  sheet.addRow(['主管部门', '承德市人力资源和社会保障局', '实施单位', '承德市人力资源和社会保障局本级']);
  if (t.code) sheet.addRow(['项目编码', t.code]);
  const factor = unit === '元' ? 10_000 : 1;
  // Printed amounts may carry text (`854万(…)`): the number they start with, in the sheet's unit.
  const amount = (s: string | null) => String(Math.round(Number.parseFloat(s ?? '0') * factor));
  sheet.addRow([`年度资金总额（${unit}）`, amount(t.budget.total), '其中：财政拨款', amount(t.budget.fiscal ?? t.budget.total), '其他资金']);
  sheet.addRow(['一级指标', '二级指标', '三级指标', '指标值', '指标值确定依据']);
  const first = sheet.rowCount + 1;
  for (const r of t.indicators) sheet.addRow([r.level1, r.level2, r.name, r.value, '年度工作计划']);
  // Level 1 merged over its rows, as a 申报表 prints it.
  for (const [a, b] of runs(t.indicators.map((r) => r.level1 ?? ''))) if (b > a) sheet.mergeCells(first + a, 1, first + b, 1);
  sheet.addRow([]);
}

export async function makeXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(2024, 0, 1));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet('绩效目标');
  addTable(sheet, expectedTable('11-'), '万元');
  addTable(sheet, expectedTable('01-'), '元');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const para = (s: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(s)}</w:t></w:r></w:p>`;
const tc = (s: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${para(s)}</w:tc>`;

export function makeDocx(): Buffer {
  const t = expectedTable('10-');
  const rows: string[] = [];
  rows.push(`<w:tr>${tc('項目名稱')}${tc(t.name, '<w:gridSpan w:val="4"/>')}</w:tr>`);
  rows.push(`<w:tr>${tc('資金總額（萬元）')}${tc(t.budget.total ?? '', '<w:gridSpan w:val="4"/>')}</w:tr>`);
  rows.push(`<w:tr>${['一級指標', '二級指標', '三級指標', '中期指標值', '年度指標值'].map((h) => tc(h)).join('')}</w:tr>`);
  t.indicators.forEach((r, i) => {
    const isFirst = i === 0 || t.indicators[i - 1]!.level1 !== r.level1;
    const level1 = isFirst ? tc(r.level1 ?? '', '<w:vMerge w:val="restart"/>') : tc('', '<w:vMerge/>');
    rows.push(`<w:tr>${level1}${tc(r.level2 ?? '')}${tc(r.name)}${tc(r.longterm_value ?? '')}${tc(r.value ?? '')}</w:tr>`);
  });
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    para('項目支出績效目標表') +
    para('（2024年度）') +
    `<w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(5)}</w:tblGrid>${rows.join('')}</w:tbl>` +
    '</w:body></w:document>';
  const types =
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
  const fixed = { mtime: new Date(Date.UTC(2024, 0, 1)) };
  return Buffer.from(zipSync({ '[Content_Types].xml': [strToU8(types), fixed], 'word/document.xml': [strToU8(xml), fixed] }));
}

export function makeHtml(): string {
  const t = expectedTable('03-');
  const rows = t.indicators.map((r, i) => {
    const prev = t.indicators[i - 1];
    const span1 = t.indicators.slice(i).findIndex((x) => x.level1 !== r.level1);
    const span2 = t.indicators.slice(i).findIndex((x) => x.level2 !== r.level2 || x.level1 !== r.level1);
    const n1 = span1 < 0 ? t.indicators.length - i : span1;
    const n2 = span2 < 0 ? t.indicators.length - i : span2;
    const c1 = !prev || prev.level1 !== r.level1 ? `<td rowspan="${n1}">${esc(r.level1 ?? '')}</td>` : '';
    const c2 = !prev || prev.level2 !== r.level2 || prev.level1 !== r.level1 ? `<td rowspan="${n2}">${esc(r.level2 ?? '')}</td>` : '';
    return r.value === null ? `<tr>${c1}${c2}<td colspan="2">${esc(r.name)}</td></tr>` : `<tr>${c1}${c2}<td>${esc(r.name)}</td><td>${esc(r.value)}</td></tr>`;
  });
  return [
    '<!doctype html><html><head><meta charset="utf-8"><title>项目支出绩效目标申报表</title></head><body>',
    '<div class="nav"><table><tr><td><a href="/">首页</a></td><td>政务公开</td></tr></table></div>',
    '<h2>项目支出绩效目标申报表</h2><p>（2022年度）</p>',
    '<table border="1">',
    `<tr><td>项目名称</td><td colspan="3">${esc(t.name)}</td></tr>`,
    '<tr><td>主管部门及代码</td><td>固原市原州区自然资源局</td><td>项目期</td><td>2022年3月-2023年11月</td></tr>',
    `<tr><td rowspan="3">项目资金（万元）</td><td>年度资金总额：</td><td colspan="2">${esc(t.budget.total ?? '')}</td></tr>`,
    `<tr><td>其中：财政拨款</td><td colspan="2">${esc(t.budget.fiscal ?? '')}</td></tr>`,
    '<tr><td>其他资金</td><td colspan="2"></td></tr>',
    '<tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>',
    ...rows,
    '</table></body></html>',
  ].join('\n');
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(path.join(OUT, 'two-tables-merged.xlsx'), await makeXlsx());
  fs.writeFileSync(path.join(OUT, 'traditional-midterm-vmerge.docx'), makeDocx());
  fs.writeFileSync(path.join(OUT, 'shenbaobiao-rowspan.html'), makeHtml());
  for (const f of fs.readdirSync(OUT)) console.log(`${f}\t${fs.statSync(path.join(OUT, f)).size} 字节`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) void main();
