'use client';

import type { FieldError } from 'react-hook-form';
import { fieldId, useEditor, useFindingsAt } from './context';
import styles from './editor.module.css';

export type InputA11y = { id: string; 'aria-describedby': string; 'aria-invalid': boolean | undefined };

/** The id of the notes element of a path, which every input of that path names in `aria-describedby`. */
export function notesId(path: string): string {
  return `${fieldId(path)}-notes`;
}

/** Ids and states that tie an input to its notes; `aria-invalid` when a format error or a rule error stands. */
export function useFieldA11y(path: string, error: FieldError | undefined | boolean): InputA11y {
  const findings = useFindingsAt(path, notesId(path));
  const isInvalid = Boolean(error) || findings.some((f) => f.severity === 'error');
  return { id: fieldId(path), 'aria-describedby': notesId(path), 'aria-invalid': isInvalid || undefined };
}

/**
 * A field's format errors (from the schema), its rule findings and reviewer comments. Always rendered, so
 * the ids inputs point at resolve. `errors` holds every format message of the field's parts.
 */
export function FieldNotes(props: { path: string; error?: FieldError | undefined; errors?: readonly string[]; commentTarget?: string; exact?: boolean }) {
  const { path, error, commentTarget } = props;
  const all = useFindingsAt(path, notesId(path));
  const { comments } = useEditor();
  const notes = commentTarget ? comments.filter((c) => c.target === commentTarget) : [];
  const messages = [...(error?.message ? [error.message] : []), ...(props.errors ?? [])];
  // While the field's format is wrong, the rules' view of it is noise (an empty code "does not match the
  // pattern"); its findings come back once the format error is fixed.
  const findings = messages.length > 0 ? [] : all.filter((f) => !props.exact || f.path === path);
  return (
    <div id={notesId(path)} className={styles.notes}>
      {messages.map((m, i) => (
        <div key={`e${i}`} className="field-error">
          {m}
        </div>
      ))}
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
