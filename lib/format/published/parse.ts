/**
 * Published disclosure text (a PDF turned into text) → target tables. Never throws: what cannot be read
 * becomes a problem naming the table, the line and what was expected, and readable tables are kept.
 */
import { incompleteness } from './completeness';
import { looksLikeDisclosure, readMentions, readProjectExpenditure, readUnit, readYear } from './document';
import { readHeaderBlock } from './header-block';
import { readIndicators } from './indicators';
import { indicatorHeader, isOtherHeading, isPageNoise, splitLines, tableHeading, type Line, type TableHeading } from './lines';
import type { ParsedTable, ParseProblem, PublishedDocument } from './types';

type Block = { number: number; title: string; line: number; lines: Line[]; hasRows: boolean; endsFile: boolean };

/**
 * A heading without a `#` marker is taken only where a table may begin: not inside a table's header
 * block (where a numbered goal such as `2. …绩效目标表` could stand), and numbered next in turn.
 */
function startsTable(heading: TableHeading, current: Block | null, previous: Block | undefined): boolean {
  if (heading.hasMarker) return true;
  if (current && !current.hasRows) return false;
  return previous === undefined || heading.number === previous.number + 1;
}

function tableBlocks(lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const line of lines) {
    const heading = tableHeading(line);
    if (heading && startsTable(heading, current, blocks[blocks.length - 1])) {
      if (current) current.endsFile = false;
      current = { number: heading.number, title: heading.title, line: line.no, lines: [], hasRows: false, endsFile: true };
      blocks.push(current);
      continue;
    }
    if (isOtherHeading(line)) {
      if (current) current.endsFile = false;
      current = null;
      continue;
    }
    if (current && !isPageNoise(line) && line.text.trim() !== '') {
      current.lines.push(line);
      if (!current.hasRows && indicatorHeader(line)) current.hasRows = true;
    }
  }
  return blocks;
}

const labelOf = (b: { number: number; title: string }) => `表 ${b.number}「${b.title}」`;

function readTable(block: Block): { table: ParsedTable | null; problems: ParseProblem[] } {
  const label = labelOf(block);
  const headerAt = block.lines.findIndex((l) => indicatorHeader(l) !== null);
  const headLines = headerAt >= 0 ? block.lines.slice(0, headerAt) : block.lines;
  const { header, problems } = readHeaderBlock(headLines, label);
  const ind = readIndicators(headerAt >= 0 ? block.lines.slice(headerAt) : [], label);
  problems.push(...ind.problems);
  // Every problem of a table has a line: where it was found, else where the table starts.
  const own = (line: number, message: string): ParseProblem => ({ line, table: label, message, tableLine: block.line });
  const withLine = problems.map((p) => own(p.line ?? block.line, `第 ${p.line ?? block.line} 行（${label}）：${p.message.replace(/^第 \d+ 行：/, '')}`));
  const skipped = (message: string): ParseProblem => ({ ...own(block.line, message), isTableSkipped: true });
  if (!header) return { table: null, problems: [...withLine, skipped(`${label} 无法读取，已跳过（第 ${block.line} 行起）`)] };
  if (ind.rows.length === 0) return { table: null, problems: [...withLine, skipped(`${label} 没有指标行，已跳过（第 ${block.line} 行起）`)] };
  const missing = incompleteness(ind.rows, block.endsFile);
  if (missing) {
    const at = ind.lastLine ?? block.line;
    withLine.push(own(at, `第 ${at} 行（${label}）：${missing}`));
  }
  return { table: { ...header, indicators: ind.rows, source: { title: block.title, number: block.number, line: block.line } }, problems: withLine };
}

/** The same project code twice in one document: the later table is reported (an import keeps the first). */
function duplicateCodes(projects: readonly ParsedTable[]): ParseProblem[] {
  const first = new Map<string, ParsedTable>();
  const out: ParseProblem[] = [];
  for (const t of projects) {
    const earlier = first.get(t.code);
    if (!earlier) {
      first.set(t.code, t);
      continue;
    }
    const label = labelOf(t.source);
    out.push({
      line: t.source.line,
      table: label,
      tableLine: t.source.line,
      message: `第 ${t.source.line} 行（${label}）：项目编码 ${t.code} 与${labelOf(earlier.source)}（第 ${earlier.source.line} 行）重复，同一年度的项目编码应唯一；导入时只取前一张`,
    });
  }
  return out;
}

/**
 * Problems listed for one document. A crafted file can yield millions (a heading line repeated over
 * 20 MB): beyond this many only their number is kept, so memory stays bounded and the list readable.
 */
export const MAX_PROBLEMS = 500;

function problemList(): { add: (ps: readonly ParseProblem[]) => void; done: () => ParseProblem[] } {
  const kept: ParseProblem[] = [];
  let dropped = 0;
  return {
    add(ps) {
      for (const p of ps) {
        if (kept.length < MAX_PROBLEMS) kept.push(p);
        else dropped++;
      }
    },
    done: () => (dropped === 0 ? kept : [...kept, { line: null, table: null, message: `另有 ${dropped} 个问题未列出（只列出前 ${MAX_PROBLEMS} 个）；请先修正上面的问题` }]),
  };
}

export function parsePublished(text: string): PublishedDocument {
  const lines = splitLines(typeof text === 'string' ? text : '');
  const list = problemList();
  const projects: ParsedTable[] = [];
  try {
    for (const block of tableBlocks(lines)) {
      const r = readTable(block);
      list.add(r.problems);
      if (r.table) projects.push(r.table);
    }
    list.add(duplicateCodes(projects));
    const problems = list.done();
    if (projects.length === 0 && problems.length > 0 && !lines.some((l) => l.text.includes('\t'))) {
      // Every table problem would be a symptom of this one cause: say it first.
      problems.unshift({
        line: null,
        table: null,
        message: '文本中没有以制表符分隔的表格列，无法读取表格。从 PDF 转出文本时请保留表格的列（例如用 pdftotext -layout 以外的方式，或从原始文档复制表格）',
      });
    }
    if (projects.length === 0 && problems.length === 0) {
      problems.push({
        line: null,
        table: null,
        message: looksLikeDisclosure(lines)
          ? '没有找到可读取的绩效目标表：表的标题应为“N、<项目名称>绩效目标表”'
          : '这不像单位预算公开文本：没有找到“绩效目标表”',
      });
    }
    return {
      unit: readUnit(lines),
      year: readYear(lines),
      projectExpenditure: readProjectExpenditure(lines),
      projects,
      mentions: readMentions(lines),
      problems,
    };
  } catch (error) {
    // A bug of ours must not cost the user the tables already read.
    const problems = list.done();
    problems.push({ line: null, table: null, message: `读取时出错，部分内容可能未读出：${error instanceof Error ? error.message : String(error)}` });
    return { unit: null, year: null, projectExpenditure: null, projects, mentions: [], problems };
  }
}
