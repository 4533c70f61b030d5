/**
 * An independent, deliberately simple reading of published text into logical cells, used only by tests
 * to check the renderer against the raw reference (so the parser is not checked against itself).
 */
export type LogicalTable = { title: string; header: string[][]; rows: string[][] };

const squash = (s: string) => s.replace(/<\/?p>/g, '').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
const isMonth = (s: string) => /^\d{1,2}月[底末]$/.test(squash(s));
const isPercent = (s: string) => /^\d+%$/.test(squash(s));
const NOISE = [/^\d{6}\s+\S+$/, /^预算年度[:：]/, /^单位[:：]万元$/, /^【草稿】/];

export function logicalTables(text: string): LogicalTable[] {
  const out: LogicalTable[] = [];
  let current: { title: string; lines: string[][] } | null = null;
  const flush = () => current && out.push(toLogical(current.title, current.lines));
  for (const raw of text.split(/\r?\n/)) {
    const h = /^#*\s*\d+、(.+)绩效目标表\s*$/.exec(raw);
    if (h) {
      flush();
      current = { title: squash(h[1]!), lines: [] };
      continue;
    }
    if (/^#+\s/.test(raw)) {
      flush();
      current = null;
      continue;
    }
    if (!current || raw.trim() === '' || NOISE.some((r) => r.test(raw.trim()))) continue;
    current.lines.push(raw.split('\t').map(squash));
  }
  flush();
  return out;
}

function toLogical(title: string, lines: string[][]): LogicalTable {
  const headerAt = lines.findIndex((c) => c.includes('一级指标'));
  const headLines = lines.slice(0, headerAt);
  const header: string[][] = [];
  let afterGoal = false;
  for (const cells of headLines) {
    const nonEmpty = cells.filter((c) => c !== '');
    if (nonEmpty[0] === '绩效目标') afterGoal = true;
    const isPlanLine = nonEmpty.length > 0 && nonEmpty.every((c) => isMonth(c) || isPercent(c) || c === '绩效目标' || /^资金支出计划/.test(c));
    // The duplicated plan after 绩效目标 is not a cell of the table; `12 月底 100%` joins the plan rows.
    if (afterGoal && isPlanLine && nonEmpty[0] !== '绩效目标') continue;
    if (afterGoal && nonEmpty[0] === '绩效目标' && nonEmpty.slice(1).every((c) => isMonth(c))) {
      header.push(['绩效目标']);
      continue;
    }
    if (nonEmpty.length === 2 && isMonth(nonEmpty[0]!) && isPercent(nonEmpty[1]!)) {
      const plan = header.findIndex((r) => /^资金支出计划/.test(r[0] ?? ''));
      header[plan]!.push(nonEmpty[0]!);
      header[plan + 1]!.push(nonEmpty[1]!);
      continue;
    }
    if (header.length > 0 && header[header.length - 1]![0] === '绩效目标' && header[header.length - 1]!.length === 1) {
      header[header.length - 1]!.push(nonEmpty.join(''));
      continue;
    }
    header.push(nonEmpty);
  }
  const rows: string[][] = [];
  let valueAt = 4;
  let basisAt = 5;
  let level1 = '';
  for (const cells of lines.slice(headerAt)) {
    if (cells.includes('一级指标')) {
      valueAt = cells.indexOf('指标值');
      basisAt = cells.indexOf('指标值确定依据');
      if (cells[0] === '') {
        // A header shifted right by one over rows that are not (table 11): value and basis stay put.
      }
      continue;
    }
    if (cells.every((c) => c === '')) continue;
    if (!cells[1] && !cells[2]) {
      const last = rows[rows.length - 1]!;
      cells.forEach((c, i) => {
        if (!c) return;
        const field = i === basisAt ? 5 : i === valueAt ? 4 : 3;
        last[field] += c;
      });
      continue;
    }
    if (cells[0]) level1 = cells[0];
    const between = cells.slice(3, valueAt).filter((c) => c !== '');
    const description = between.length > 1 && between[0] === cells[2] ? between.slice(1).join('') : between.join('');
    rows.push([level1, cells[1] ?? '', cells[2] ?? '', description, cells[valueAt] ?? '', cells[basisAt] ?? '']);
  }
  return { title, header, rows };
}
