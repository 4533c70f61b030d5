/** Taking the user to a place in the editor: a finding's path, or the first field with a format error. */
import type { FieldErrors } from 'react-hook-form';
import { fieldId, focusableId } from './context';

/** The element that shows `path`: its input, else a block marked with `data-path`, else its notes. */
export function elementFor(path: string): HTMLElement | null {
  return (
    document.getElementById(focusableId(path)) ??
    document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`) ??
    document.getElementById(`${fieldId(path)}-notes`)
  );
}

export function focusPath(path: string): boolean {
  const el = elementFor(path);
  if (!el) return false;
  // Rows, groups and notes are not tab stops; they take focus only when sent there.
  if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.scrollIntoView({ block: 'center' });
  el.focus({ preventScroll: true });
  return true;
}

/** Every path in react-hook-form's error tree that carries a message. */
export function errorPaths(errors: FieldErrors, prefix = ''): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(errors)) {
    if (!v || typeof v !== 'object' || k === 'ref') continue;
    const path = prefix ? `${prefix}.${k}` : k;
    if ('message' in v && typeof v.message === 'string' && v.message) out.push(path);
    out.push(...errorPaths(v as FieldErrors, path));
  }
  return out;
}

/** Focuses the error that comes first on the page (not first in the error object's key order). */
export function focusFirstError(errors: FieldErrors): void {
  const placed = errorPaths(errors)
    .map((p) => ({ p, el: elementFor(p) }))
    .filter((x): x is { p: string; el: HTMLElement } => x.el !== null)
    .sort((a, b) => (a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  if (placed[0]) focusPath(placed[0].p);
}
