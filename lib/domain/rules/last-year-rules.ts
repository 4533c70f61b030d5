/**
 * 指标值偏低 / 指标值偏高: a row's target asks for less than the row it continues in last year's table
 * (lib/domain/last-year.ts). Runs only when the context knows last year's rows (the server, the editor,
 * and `pt check --previous`).
 */
import { lastYearNote, matchLastYear, type YearRow } from '../last-year';
import { rowPath } from './helpers';
import type { Check } from './types';

export const checkLastYear: Check = (table, ctx, report) => {
  const previous = ctx.lastYear?.(table);
  if (!previous || previous.length === 0) return;
  const rows: YearRow[] = table.indicators.map((r) => ({ level2: r.level2, name: r.name, value: r.value, isPlaceholder: r.isPlaceholder || !r.name.trim() }));
  matchLastYear(rows, previous).forEach((p, i) => {
    if (!p) return;
    const warning = lastYearNote(rows[i]!, p).warning;
    if (warning) report(warning.startsWith('指标值偏低') ? 'value.below-last-year' : 'value.above-last-year', rowPath(i, 'value'), `“${rows[i]!.name}”${warning}`);
  });
};
