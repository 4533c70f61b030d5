import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '@/lib/domain/limits';
import type { SelfEvalSheet } from '@/lib/domain/selfeval-sheet';
import { selfEvalUnitYearXlsx } from '@/lib/export/selfeval-xlsx';
import { fullSheet, tangxiSheet } from '@/lib/export/selfeval-testing';
import { readSelfEvalDocument } from './read-document';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The table as a saved web page prints it: 项目资金 and the level cells as rowspans. */
function html(s: SelfEvalSheet): string {
  const td = (t: string, attrs = '') => `<td${attrs}>${esc(t)}</td>`;
  const rows: string[] = [];
  rows.push(`<tr>${td('项目名称')}${td(s.projectName, ' colspan="3"')}${td('项目编码')}${td(s.projectCode, ' colspan="3"')}</tr>`);
  rows.push(`<tr>${td('主管部门')}${td(s.department, ' colspan="3"')}${td('实施单位')}${td(s.implementingUnit, ' colspan="3"')}</tr>`);
  rows.push(`<tr>${td('项目资金（万元）', ` rowspan="${1 + s.funds.length}"`)}${td('')}${['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].map((h) => td(h)).join('')}</tr>`);
  for (const f of s.funds) rows.push(`<tr>${[f.label, f.initial, f.annual, f.executed, f.weight || '—', f.rate || '—', f.score || '—'].map((t) => td(t)).join('')}</tr>`);
  rows.push(`<tr>${['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].map((h) => td(h)).join('')}</tr>`);
  s.indicators.forEach((r, i) => {
    const prev = s.indicators[i - 1];
    const run = (k: 'level1' | 'level2') => {
      let n = 1;
      while (s.indicators[i + n]?.[k] === r[k] && s.indicators[i + n]?.level1 === r.level1) n++;
      return n;
    };
    const l1 = prev?.level1 === r.level1 ? '' : td(r.level1, ` rowspan="${run('level1')}"`);
    const l2 = prev?.level2 === r.level2 && prev?.level1 === r.level1 ? '' : td(r.level2, ` rowspan="${run('level2')}"`);
    rows.push(`<tr>${l1}${l2}${[r.name, r.target, r.actual, r.weight, r.score, r.deviation].map((t) => td(t)).join('')}</tr>`);
  });
  return `<html><body><h2>项目支出绩效自评表（${s.year}年度）</h2><table>${rows.join('\n')}</table></body></html>`;
}

/** The tab sample as a Word table: the two title lines as paragraphs, every other line a row. */
function docx(text: string): Buffer {
  const para = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r></w:p>`;
  const lines = text.trim().split('\n');
  const width = Math.max(...lines.map((l) => l.split('\t').length));
  const rows = lines.slice(2).map((l) => {
    const cells = l.split('\t');
    return `<w:tr>${[...cells, ...Array<string>(width - cells.length).fill('')].map((c) => `<w:tc><w:tcPr/>${para(c)}</w:tc>`).join('')}</w:tr>`;
  });
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
    lines.slice(0, 2).map(para).join('') +
    `<w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(width)}</w:tblGrid>${rows.join('')}</w:tbl></w:body></w:document>`;
  const fixed = { mtime: new Date(Date.UTC(2024, 0, 1)) };
  return Buffer.from(zipSync({ '[Content_Types].xml': [strToU8('<Types/>'), fixed], 'word/document.xml': [strToU8(xml), fixed] }));
}

describe('reading a 自评表 from any file', () => {
  it('a Word table (DOCX) reads into the transcribed 棠溪镇 values', async () => {
    const text = fs.readFileSync(path.join(__dirname, 'samples', 'tangxi-2022-tabs.txt'), 'utf8');
    const doc = await readSelfEvalDocument(docx(text), { fileName: 'tangxi.docx' });
    expect(doc.refusal).toBeNull();
    const r = doc.reads[0]!;
    expect(r.ok && r.sheet).toEqual(tangxiSheet());
  });

  it('a saved web page with rowspans reads into the transcribed 棠溪镇 values', async () => {
    const doc = await readSelfEvalDocument(Buffer.from(html(tangxiSheet())), { fileName: 'tangxi.html' });
    expect(doc.format).toBe('html');
    expect(doc.refusal).toBeNull();
    expect(doc.reads).toHaveLength(1);
    const r = doc.reads[0]!;
    expect(r.ok && r.sheet).toEqual(tangxiSheet());
  });

  it('an XLSX unit-year by content, without a file name', async () => {
    const doc = await readSelfEvalDocument(await selfEvalUnitYearXlsx({ code: '1', name: '单位' }, 2024, [fullSheet(), tangxiSheet()]));
    expect(doc.format).toBe('xlsx');
    expect(doc.reads.map((r) => r.ok && r.sheet.projectName)).toEqual([fullSheet().projectName, '委托业务项目']);
  });

  it('refuses, with the reason in Chinese, a file over the upload limit, one with no 自评表, and a broken XLSX', async () => {
    const big = await readSelfEvalDocument(new Uint8Array(LIMITS.uploadBytes + 1), { fileName: 'big.txt' });
    expect(big.refusal).toMatch(/超过上限 20 MB/);
    const none = await readSelfEvalDocument(Buffer.from('<table><tr><td>一</td><td>二</td></tr></table>'), { fileName: 'x.html' });
    expect(none.refusal).toContain('没有找到自评表');
    const broken = await readSelfEvalDocument(Buffer.from('PK\u0003\u0004garbage'), { fileName: 'x.xlsx' });
    expect(broken.reads).toEqual([]);
    expect(broken.refusal).not.toBeNull();
  });
});
