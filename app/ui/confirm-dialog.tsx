'use client';

import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/**
 * An accessible confirmation: a modal <dialog> (the browser keeps focus inside it and closes it on Esc),
 * focus on the note when there is one, else on 取消 (the safe choice), and back on the button that opened
 * it afterwards. Used instead of window.confirm, which cannot carry a note, Chinese button labels or
 * the page's styles.
 */
export type ConfirmOptions = {
  title: string;
  body: string;
  confirmLabel: string;
  /** A destructive action's button is red; an approval's is the primary colour. */
  tone?: 'danger' | 'primary';
  /** When given, the dialog takes an optional note (e.g. a sign-off note recorded with the approval). */
  noteLabel?: string;
  noteMaxLength?: number;
};

export type ConfirmResult = { isConfirmed: boolean; note: string };

type Pending = { options: ConfirmOptions; resolve: (r: ConfirmResult) => void };

function ConfirmDialog({ options, onClose }: { options: ConfirmOptions; onClose: (r: ConfirmResult) => void }) {
  const ids = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const [note, setNote] = useState('');

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    (noteRef.current ?? cancelRef.current)?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // The opener may have gone (a deleted row's button); then focus stays where the page put it.
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  // In a portal, outside any form of the page: the editor is itself a <form>, and a form inside it would
  // both be invalid HTML and pass its submit up to the editor's (a confirmation would save the table).
  return createPortal(
    <dialog
      ref={ref}
      className="card confirm-dialog"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-body`}
      onCancel={(e) => {
        e.preventDefault();
        onClose({ isConfirmed: false, note: '' });
      }}
    >
      <div>
        <h2 id={`${ids}-title`} style={{ marginTop: 0, fontSize: '1.1rem' }}>
          {options.title}
        </h2>
        <p id={`${ids}-body`}>{options.body}</p>
        {options.noteLabel ? (
          <div className="field">
            <label htmlFor={`${ids}-note`}>{options.noteLabel}</label>
            <textarea ref={noteRef} id={`${ids}-note`} rows={3} maxLength={options.noteMaxLength} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
        ) : null}
        <div className="row">
          <button type="button" className={`btn ${options.tone === 'danger' ? 'btn-danger' : 'btn-primary'}`} onClick={() => onClose({ isConfirmed: true, note })}>
            {options.confirmLabel}
          </button>
          <button ref={cancelRef} type="button" className="btn" onClick={() => onClose({ isConfirmed: false, note: '' })}>
            取消
          </button>
        </div>
      </div>
    </dialog>,
    document.body,
  );
}

/**
 * `confirm(options)` opens the dialog and resolves when it closes; `dialog` must be rendered by the caller.
 * One question at a time: asking again while one is open answers the first with "no".
 */
export function useConfirm(): { dialog: ReactNode; confirm: (options: ConfirmOptions) => Promise<ConfirmResult> } {
  const [pending, setPending] = useState<Pending | null>(null);
  const confirm = useCallback(
    (options: ConfirmOptions) =>
      new Promise<ConfirmResult>((resolve) => {
        setPending((previous) => {
          previous?.resolve({ isConfirmed: false, note: '' });
          return { options, resolve };
        });
      }),
    [],
  );
  // In <body>, not inside the caller's markup: a <form> inside the editor's <form> is not valid HTML.
  const dialog = pending
    ? createPortal(
        <ConfirmDialog
          options={pending.options}
          onClose={(r) => {
            setPending(null);
            pending.resolve(r);
          }}
        />,
        document.body,
      )
    : null;
  return { dialog, confirm };
}
