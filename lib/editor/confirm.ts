/**
 * When the editor asks before it throws work away: deleting a row, or marking a category 不适用, asks
 * only when there is something to lose (a row with any content); an empty row goes without a question.
 */
import { placeholderText } from '@/lib/domain/framework';
import type { TableInput } from '@/lib/domain/schemas';

type Row = TableInput['indicators'][number];

/** What the confirmation dialog shows: a title, one sentence, and the label of the button that does it. */
export type Question = { title: string; body: string; confirmLabel: string };

const hasText = (s: string | undefined) => (s ?? '').trim() !== '';

/** Whether a row holds anything the owner typed (a placeholder row holds only the printed 无X指标). */
export function rowHasContent(row: Row): boolean {
  if (row.isPlaceholder) return false;
  if ([row.name, row.description, row.value, row.basis].some(hasText)) return true;
  const t = row.target;
  if (t.kind === 'quantity') return t.number !== null && t.number !== undefined;
  if (t.kind === 'deadline') return t.month !== null && t.month !== undefined;
  return false;
}

const nameOf = (row: Row) => (hasText(row.name) ? `“${row.name.trim()}”` : '这一行');

/** The question before deleting row `number` (1-based), or null when the row is empty. */
export function deleteRowQuestion(row: Row, number: number): Question | null {
  if (!rowHasContent(row)) return null;
  return {
    title: `删除第 ${number} 行？`,
    body: `${row.level2}中的指标${nameOf(row)}及其填写的内容将被删除；保存后无法恢复。`,
    confirmLabel: '删除这一行',
  };
}

/** The question before marking a category 不适用, or null when none of its rows has content. */
export function notApplicableQuestion(level2: string, rows: readonly Row[]): Question | null {
  const filled = rows.filter(rowHasContent);
  if (filled.length === 0) return null;
  const names = filled.map(nameOf).join('、');
  return {
    title: `将“${level2}”标为不适用？`,
    body: `已填写的 ${filled.length} 行指标（${names}）将从表中移除，表中印出“${placeholderText(level2)}”。保存前可用“取消‘不适用’”恢复。`,
    confirmLabel: '标为不适用',
  };
}
