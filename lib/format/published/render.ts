/**
 * Tables → published text in the reference's layout: heading, header block, plan, indicator header and
 * tab-separated rows. `renderDocument` adds the unit's page header and 支出总表 so that parsing the
 * result gives back the same document.
 */
import type { TargetTable, UnitRef } from '@/lib/domain/table';

export const SECTION_HEADING = '五、单位项目预算安排情况及绩效目标';
const INDICATOR_HEADER = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'];

/** Cells never contain tabs or line breaks: they would split the cell. */
function cell(s: string | null): string {
  return (s ?? '').replace(/[\t\r\n]+/g, ' ');
}

function row(cells: (string | null)[]): string {
  return cells.map(cell).join('\t');
}

export function renderTable(table: TargetTable, number: number, opts: { isDraft?: boolean } = {}): string {
  const b = table.budget;
  const lines = [
    `## ${number}、${cell(table.name)}绩效目标表`,
    '',
    ...(opts.isDraft ? ['【草稿】本表尚未审核通过', ''] : []),
    '单位：万元',
    '',
    row(['项目编码', table.code, '', '项目名称', table.name, '', '']),
    row(['预算规模及资金用途', '预算数', b.total, '其中：财政资金', b.fiscal, '其他资金', b.other ?? '']),
    row(['', table.purpose, '', '', '', '', '']),
    row(['资金支出计划（%）', ...table.schedule.map((c) => `${c.month}月底`)]),
    row(['', ...table.schedule.map((c) => `${c.percent}%`)]),
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

/** Section 五 alone: its heading and the tables. */
export function renderSection(tables: readonly RenderableTable[]): string {
  return [`## ${SECTION_HEADING}`, '', ...tables.map((t) => renderTable(t.table, t.number, { isDraft: t.isDraft }))].join('\n');
}

export type RenderableDocument = {
  unit: UnitRef | null;
  year: number | null;
  projectExpenditure: string | null;
  projects: readonly TargetTable[];
};

export function renderDocument(doc: RenderableDocument, drafts: readonly boolean[] = []): string {
  const out: string[] = [];
  out.push(`# ${doc.unit ? `${doc.unit.name} ` : ''}${doc.year ?? ''} 年单位预算信息公开`.replace(/\s+/g, ' ').trim(), '');
  if (doc.unit) out.push(`${doc.unit.code} ${doc.unit.name}`, '');
  if (doc.year !== null) out.push(`预算年度：${doc.year}`, '');
  if (doc.projectExpenditure !== null) {
    out.push('## 单位预算支出总表', '', '单位：万元', '');
    out.push(row(['序号', '功能分类科目', '', '合计', '基本支出', '项目支出']));
    out.push(row(['1', '', '合计', '', '', doc.projectExpenditure]), '');
  }
  out.push(renderSection(doc.projects.map((table, i) => ({ table, number: i + 1, isDraft: drafts[i] }))));
  return `${out.join('\n').trimEnd()}\n`;
}
