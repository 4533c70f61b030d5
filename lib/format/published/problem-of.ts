/** Which table a reading problem belongs to; pure, so the import preview in the browser uses it too. */
import type { ParseProblem, TableSource } from './types';

/** By the table's number where the reader gives one (sheets share row numbers), else by its heading line. */
export function isProblemOf(problem: ParseProblem, source: Pick<TableSource, 'number' | 'line'>): boolean {
  return problem.tableNumber !== undefined ? problem.tableNumber === source.number : problem.tableLine === source.line;
}
