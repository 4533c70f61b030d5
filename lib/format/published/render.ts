/**
 * Tables → published text in the reference's layout: heading, header block, plan, indicator header and
 * tab-separated rows. `renderDocument` adds the unit's page header and 支出总表 so that parsing the
 * result gives back the same document.
 */
import { quoteFormula } from '@/lib/domain/formula-text';
import type { TargetTable, UnitRef } from '@/lib/domain/table';

export const SECTION_HEADING = '五、单位项目预算安排情况及绩效目标';
const INDICATOR_HEADER = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'];

/** Text on one line: tabs and line breaks would split a cell or a heading. */
function flat(s: string | null): string {
  return (s ?? '').replace(/[\t\r\n]+/g, ' ');
}

/**
 * A cell: text a spreadsheet would run as a formula gets a `'` in front (lib/domain/formula-text.ts);
 * the reader takes it off again. Headings start with `#`, so their text needs no quote.
 */
function cell(s: string | null): string {
  return quoteFormula(flat(s));
}

function row(cells: (string | null)[]): string {
  return cells.map(cell).join('\t');
}

export function renderTable(table: TargetTable, number: number, opts: { isDraft?: boolean } = {}): string {
  const b = table.budget;
  const lines = [
    `## ${number}、${flat(table.name)}绩效目标表`,
    '',
    ...(opts.isDraft ? ['【草稿】本表尚未审核通过', ''] : []),
    '单位：万元',
    '',
    row(['项目编码', table.code, '', '项目名称', table.name, '', '']),
    row(['预算规模及资金用途', '预算数', b.total, '其中：财政资金', b.fiscal, '其他资金', b.other ?? '']),
    row(['', table.purpose, '', '', '', '', '']),
    row(['资金支出计划（%）', ...table.schedule.map((c) => `${c.month}月底`)]),
    row(['', ...table.schedule.map((c) => (c.percent === null ? '' : `${c.percent}%`))]),
    row(['绩效目标', table.goal, '', '', '', '', '']),
    row(INDICATOR_HEADER),
  ];
  let previous = '';
  for (const r of table.indicators) {
    lines.push(row([r.level1 === previous ? '' : r.level1, r.level2, r.name, r.description, r.value, r.basis]));
    previous = r.level1;
  }
  return `${lines.join('\n')}\n`;
}

export type RenderableTable = { table: TargetTable; number: number; isDraft?: boolean };

/**
 * Where a table stands in its section: the N it is printed with and whether it is a draft. Optional so
 * that plain tables (numbered 1, 2, … in order) and parsed ones (numbered as printed) render too.
 */
export type Placed = { number?: number; isDraft?: boolean; source?: { number: number } };

/** The table's printed N: its own, else the one it was read with, else its place in the list. */
export function numberOf(p: Placed, index: number): number {
  return p.number ?? p.source?.number ?? index + 1;
}

/** Section 五 alone: its heading and the tables. */
export function renderSection(tables: readonly RenderableTable[]): string {
  return [`## ${SECTION_HEADING}`, '', ...tables.map((t) => renderTable(t.table, t.number, { isDraft: t.isDraft }))].join('\n');
}

export type RenderableDocument = {
  unit: UnitRef | null;
  year: number | null;
  projectExpenditure: string | null;
  projects: readonly (TargetTable & Placed)[];
};

/** A list of the section's projects and amounts, printed before the tables when asked for. */
export type TextCover = {
  rows: readonly { number: number; code: string; name: string; total: string; isDraft: boolean }[];
  total: string;
  projectExpenditure: string | null;
  difference: string | null;
  /** What the 合计 counts (lib/export/model.ts coverNote), printed under the list. */
  note?: string;
};

function renderCover(cover: TextCover): string[] {
  const out = ['项目清单（单位：万元）', '', row(['序号', '项目编码', '项目名称', '预算数'])];
  for (const r of cover.rows) out.push(row([String(r.number), r.code, `${r.name}${r.isDraft ? '（草稿）' : ''}`, r.total]));
  out.push(row(['', '', '合计', cover.total]));
  if (cover.projectExpenditure !== null) {
    out.push(row(['', '', '单位项目支出', cover.projectExpenditure]));
    out.push(row(['', '', '差额（合计 − 项目支出）', cover.difference ?? '']));
  }
  if (cover.note) out.push('', cover.note);
  return [...out, ''];
}

/**
 * Everything before the first table: the title, the unit's page header, its 支出总表 (so that parsing
 * the text gives back 项目支出), the section heading and the cover list if any. Ends with a blank line.
 */
export function renderDocumentHead(doc: Omit<RenderableDocument, 'projects'>, opts: { cover?: TextCover } = {}): string {
  const out: string[] = [];
  out.push(`# ${doc.unit ? `${doc.unit.name} ` : ''}${doc.year ?? ''} 年单位预算信息公开`.replace(/\s+/g, ' ').trim(), '');
  if (doc.unit) out.push(`${doc.unit.code} ${doc.unit.name}`, '');
  if (doc.year !== null) out.push(`预算年度：${doc.year}`, '');
  if (doc.projectExpenditure !== null) {
    out.push('## 单位预算支出总表', '', '单位：万元', '');
    out.push(row(['序号', '功能分类科目', '', '合计', '基本支出', '项目支出']));
    out.push(row(['1', '', '合计', '', '', doc.projectExpenditure]), '');
  }
  out.push(`## ${SECTION_HEADING}`, '');
  if (opts.cover) out.push(...renderCover(opts.cover));
  return `${out.join('\n')}\n`;
}

/** A table after the head: the first follows the head directly, later ones after a blank line. */
export function renderDocumentTable(t: RenderableTable, isFirst: boolean): string {
  return `${isFirst ? '' : '\n'}${renderTable(t.table, t.number, { isDraft: t.isDraft })}`;
}

/** The whole document; the streamed export writes the same parts one by one. */
export function renderDocument(doc: RenderableDocument, opts: { cover?: TextCover } = {}): string {
  const parts = [renderDocumentHead(doc, opts)];
  doc.projects.forEach((p, i) => parts.push(renderDocumentTable({ table: p, number: numberOf(p, i), isDraft: p.isDraft }, i === 0)));
  return parts.join('');
}
