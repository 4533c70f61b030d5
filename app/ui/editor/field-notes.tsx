'use client';

import type { FieldError } from 'react-hook-form';
import { fieldId, useEditor, useFindingsAt } from './context';
import styles from './editor.module.css';

export type InputA11y = { id: string; 'aria-describedby': string; 'aria-invalid': boolean | undefined };

/** Ids and states that tie an input to its notes; `aria-invalid` when a format error or a rule error stands. */
export function useFieldA11y(path: string, error: FieldError | undefined): InputA11y {
  const findings = useFindingsAt(path);
  const isInvalid = Boolean(error) || findings.some((f) => f.severity === 'error');
  return { id: fieldId(path), 'aria-describedby': `${fieldId(path)}-notes`, 'aria-invalid': isInvalid || undefined };
}

/** A field's format error (from the schema), its rule findings and reviewer comments. Always rendered, so ids resolve. */
export function FieldNotes(props: { path: string; error?: FieldError | undefined; commentTarget?: string; exact?: boolean }) {
  const { path, error, commentTarget } = props;
  const all = useFindingsAt(path);
  const findings = props.exact ? all.filter((f) => f.path === path) : all;
  const { comments } = useEditor();
  const notes = commentTarget ? comments.filter((c) => c.target === commentTarget) : [];
  return (
    <div id={`${fieldId(path)}-notes`} className={styles.notes}>
      {error?.message ? <div className="field-error">{error.message}</div> : null}
      {findings.map((f, i) => (
        <div key={i} className={f.severity === 'error' ? 'field-error' : 'field-warn'}>
          {f.severity === 'error' ? '错误：' : '提醒：'}
          {f.message}
        </div>
      ))}
      {notes.map((c, i) => (
        <div key={`c${i}`} className={styles.comment}>
          审核意见（{c.userName}）：{c.body}
        </div>
      ))}
    </div>
  );
}
