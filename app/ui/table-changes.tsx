/**
 * A table's changes as a list (header fields, plan, goals; rows added, removed, changed), read the same
 * way in the history and in the import preview's "与库中草稿的差别".
 */
import type { TableChange } from '@/lib/domain/diff';
import styles from './table-changes.module.css';

function Change({ c }: { c: TableChange }) {
  switch (c.kind) {
    case 'field':
      return (
        <li>
          {c.label}：<del className={styles.before}>{c.before || '（空）'}</del> → <ins className={styles.after}>{c.after || '（空）'}</ins>
        </li>
      );
    case 'row-added':
      return (
        <li>
          <ins className={styles.after}>新增指标</ins>「{c.row}」（{c.level2}）
        </li>
      );
    case 'row-removed':
      return (
        <li>
          <del className={styles.before}>删除指标</del>「{c.row}」（{c.level2}）
        </li>
      );
    case 'row-changed':
      return (
        <li>
          修改指标「{c.row}」（{c.level2}）：
          <ul>
            {c.fields.map((f) => (
              <li key={f.field}>
                {f.label}：<del className={styles.before}>{f.before || '（空）'}</del> → <ins className={styles.after}>{f.after || '（空）'}</ins>
              </li>
            ))}
          </ul>
        </li>
      );
    case 'rows-reordered':
      return <li>调整了指标行的顺序</li>;
  }
}

export function TableChanges({ changes, label }: { changes: readonly TableChange[]; label?: string }) {
  return (
    <ul className={styles.changes} aria-label={label}>
      {changes.map((c, i) => (
        <Change key={i} c={c} />
      ))}
    </ul>
  );
}
