/**
 * Published disclosure text (a PDF turned into text) → target tables. Never throws: what cannot be read
 * becomes a problem naming the table, the line and what was expected, and readable tables are kept.
 */
import { looksLikeDisclosure, readMentions, readProjectExpenditure, readUnit, readYear } from './document';
import { readHeaderBlock } from './header-block';
import { readIndicators } from './indicators';
import { indicatorHeader, isOtherHeading, isPageNoise, splitLines, tableHeading, type Line } from './lines';
import type { ParsedTable, ParseProblem, PublishedDocument } from './types';

type Block = { number: number; title: string; line: number; lines: Line[] };

function tableBlocks(lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  for (const line of lines) {
    const heading = tableHeading(line);
    if (heading) {
      current = { ...heading, line: line.no, lines: [] };
      blocks.push(current);
      continue;
    }
    if (isOtherHeading(line)) {
      current = null;
      continue;
    }
    if (current && !isPageNoise(line) && line.text.trim() !== '') current.lines.push(line);
  }
  return blocks;
}

function readTable(block: Block): { table: ParsedTable | null; problems: ParseProblem[] } {
  const label = `表 ${block.number}「${block.title}」`;
  const headerAt = block.lines.findIndex((l) => indicatorHeader(l) !== null);
  const headLines = headerAt >= 0 ? block.lines.slice(0, headerAt) : block.lines;
  const { header, problems } = readHeaderBlock(headLines, label);
  const ind = readIndicators(headerAt >= 0 ? block.lines.slice(headerAt) : [], label);
  problems.push(...ind.problems);
  const withLine = problems.map((p) => ({ ...p, message: p.line ? `第 ${p.line} 行（${label}）：${p.message.replace(/^第 \d+ 行：/, '')}` : `${label}：${p.message}` }));
  if (!header) return { table: null, problems: [...withLine, { line: block.line, table: label, message: `${label} 无法读取，已跳过（第 ${block.line} 行起）` }] };
  if (ind.rows.length === 0) return { table: null, problems: [...withLine, { line: block.line, table: label, message: `${label} 没有指标行，已跳过` }] };
  return { table: { ...header, indicators: ind.rows, source: { title: block.title, number: block.number, line: block.line } }, problems: withLine };
}

export function parsePublished(text: string): PublishedDocument {
  const lines = splitLines(typeof text === 'string' ? text : '');
  const problems: ParseProblem[] = [];
  const projects: ParsedTable[] = [];
  try {
    for (const block of tableBlocks(lines)) {
      const r = readTable(block);
      problems.push(...r.problems);
      if (r.table) projects.push(r.table);
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
    problems.push({ line: null, table: null, message: `读取时出错，部分内容可能未读出：${error instanceof Error ? error.message : String(error)}` });
    return { unit: null, year: null, projectExpenditure: null, projects, mentions: [], problems };
  }
}
