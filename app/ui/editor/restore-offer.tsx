'use client';

import { useEffect, useRef } from 'react';
import styles from './editor.module.css';

const two = (n: number) => String(n).padStart(2, '0');

/** Offers back the edits kept in this browser when the table was left unsaved (closed tab, crash). */
export function RestoreOffer({ savedAt, onRestore, onDiscard }: { savedAt: number; onRestore: () => void; onDiscard: () => void }) {
  const at = new Date(savedAt);
  const first = useRef<HTMLButtonElement>(null);
  // Asked before anything else is typed: the question takes the keyboard once.
  useEffect(() => first.current?.focus(), []);
  return (
    <div className={`alert alert-warn ${styles.restore}`} role="alertdialog" aria-labelledby="ed-restore-q" aria-describedby="ed-restore-at">
      <strong id="ed-restore-q">恢复未保存的修改？</strong>
      <span id="ed-restore-at" className="muted">
        本浏览器中保留了上次未保存的修改（{at.getMonth() + 1} 月 {at.getDate()} 日 {two(at.getHours())}:{two(at.getMinutes())}）。
      </span>
      <button ref={first} type="button" className="btn btn-small btn-primary" onClick={onRestore}>
        恢复
      </button>
      <button type="button" className="btn btn-small" onClick={onDiscard}>
        放弃
      </button>
    </div>
  );
}
