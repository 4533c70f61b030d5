'use client';

/** The outcome of a small form's action, announced politely. */
export function ActionMessage({ result }: { result: { ok: boolean; message: string } | null }) {
  return <span aria-live="polite">{result ? <span className={result.ok ? 'diff-ok' : 'field-error'}>{result.message}</span> : null}</span>;
}
