/** Puts a whole earlier state back into the form (undo, redo, a restored local copy), part by part. */
import type { TableInput } from '@/lib/domain/schemas';
import { changedKeys } from '@/lib/editor/edit-history';
import type { EditorForm } from './context';

/** Sets only the top-level parts that differ (so an undo of one header field leaves the rows alone); returns them. */
export function applyValues(form: Pick<EditorForm, 'getValues' | 'setValue'>, target: TableInput): string[] {
  const current = form.getValues();
  const keys = changedKeys(current as Record<string, unknown>, target as Record<string, unknown>) as (keyof TableInput)[];
  for (const k of keys) form.setValue(k, target[k] as never, { shouldDirty: true });
  return keys as string[];
}
