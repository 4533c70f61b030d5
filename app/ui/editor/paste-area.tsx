'use client';

import { useRef, useState, type ReactNode } from 'react';
import type { Framework } from '@/lib/domain/framework';
import type { TableInput } from '@/lib/domain/schemas';
import { parsePaste, placeRows, type PasteProblem } from '@/lib/editor/paste';
import { newClientRowKey } from '@/lib/editor/row-key';
import { pickedFields } from '@/lib/editor/suggestion';
import { PickDialog } from '../library/pick-dialog';
import type { LibraryEntry } from '../library/use-library-search';
import { emptyRow } from './indicator-tree';
import { useEditorForm } from './context';
import styles from '../library/suggest.module.css';

type Rows = TableInput['indicators'];
type Pasted = { verb: '粘贴' | '添加'; count: number; problems: PasteProblem[]; before: Rows; after: Rows; isUndone: boolean };

/** A block, not a cell: spreadsheets put tabs between cells and a line end after each row. */
function isBlock(text: string): boolean {
  const body = text.replace(/\r?\n$/, '');
  return body.includes('\t') || body.includes('\n');
}

/**
 * Pasting a block of spreadsheet rows anywhere in the indicator tree adds them where they belong; a
 * single cell pastes into its input as usual. The bar says how many rows came in and why any line did
 * not, and one 撤销粘贴 takes the whole paste back (重做粘贴 puts it again).
 */
export function PasteArea({ framework, children }: { framework: Framework; children: ReactNode }) {
  const { getValues, setValue } = useEditorForm();
  const [last, setLast] = useState<Pasted | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);

  const put = (rows: Rows) => setValue('indicators', rows, { shouldDirty: true });
  const onPaste = (e: React.ClipboardEvent<HTMLDivElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (!text || !isBlock(text)) return;
    e.preventDefault();
    const rowEl = (e.target as HTMLElement).closest<HTMLElement>('[data-row]');
    const index = rowEl ? Number(rowEl.dataset.row) : NaN;
    const here = Number.isInteger(index) ? getValues(`indicators.${index}`) : undefined;
    const result = parsePaste(text, { framework, newKey: newClientRowKey, into: here ? { level1: here.level1, level2: here.level2 } : undefined });
    const before = getValues('indicators');
    const after = result.rows.length ? placeRows(framework, before, result.rows.map((r) => r.row)) : before;
    if (result.rows.length) put(after);
    setLast({ verb: '粘贴', count: result.rows.length, problems: result.problems, before, after, isUndone: false });
  };
  const addPicked = (entries: LibraryEntry[]) => {
    const before = getValues('indicators');
    const picked = entries.map((e) => {
      const row = emptyRow(e.level1, e.level2);
      return { ...row, ...pickedFields(e, row) };
    });
    const after = placeRows(framework, before, picked);
    put(after);
    setLast({ verb: '添加', count: picked.length, problems: [], before, after, isUndone: false });
  };
  const toggle = () => {
    if (!last) return;
    put(last.isUndone ? last.after : last.before);
    setLast({ ...last, isUndone: !last.isUndone });
    requestAnimationFrame(() => undoButton.current?.focus());
  };
  return (
    <div onPaste={onPaste}>
      <div className={styles.pasteBar}>
        <PickDialog framework={framework} onAdd={addPicked} />
        <span className="muted">也可以从 Excel、WPS 表格复制若干行（含或不含一级、二级指标列），在任一指标格中按 Ctrl+V 粘贴，各行按二级指标放到相应位置。</span>
      </div>
      <div role="status" aria-live="polite" className={styles.pasteBar}>
        {last ? (
          <>
            <span>{last.isUndone ? `已撤销${last.verb}的 ${last.count} 行` : `已${last.verb} ${last.count} 行${last.problems.length ? `，${last.problems.length} 行未能粘贴：` : ''}`}</span>
            {last.count > 0 ? (
              <button ref={undoButton} type="button" className="btn btn-small" onClick={toggle}>
                {last.isUndone ? `重做${last.verb}` : `撤销${last.verb}`}
              </button>
            ) : null}
            {!last.isUndone && last.problems.length ? (
              <ul className={styles.pasteProblems}>
                {last.problems.map((p) => (
                  <li key={p.line} className="field-error">
                    {p.message}
                  </li>
                ))}
              </ul>
            ) : null}
          </>
        ) : null}
      </div>
      {children}
    </div>
  );
}
