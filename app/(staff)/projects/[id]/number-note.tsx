import { NUMBERING_NOTE } from '@/lib/projects/numbering';
import type { TableNumbers } from '@/lib/projects/section';

/** Both numbers of an approved table, and why, when its published number is not its 序号 in the list. */
export function NumberNote({ numbers }: { numbers: TableNumbers }) {
  if (numbers.publishedNumber === null || numbers.publishedNumber === numbers.listNumber) return null;
  return (
    <p className="muted" role="note" style={{ margin: '0 0 12px' }}>
      列表序号 {numbers.listNumber}，公开编号 {numbers.publishedNumber}。{NUMBERING_NOTE}
    </p>
  );
}
