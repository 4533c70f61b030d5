/**
 * What a person may type into any text field, checked by every shared zod schema (the editor, the
 * actions, the importer, the administration and sign-in forms): invisible characters must not make a
 * field look filled when it is empty, nor make what staff and the public see differ from what is stored.
 */
import { z } from 'zod';

/** Zero-width characters carry nothing a reader can see; they are removed, not refused. */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;
/** C0 and C1 controls other than tab and newline (a lone CR too; CR LF is read as a newline first). */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** Embeddings, overrides and isolates: they reorder how the text around them is displayed. */
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

/** The text without zero-width characters, with CR LF as LF. */
export function stripInvisible(s: string): string {
  return s.replace(ZERO_WIDTH, '').replace(/\r\n/g, '\n');
}

function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why `s` cannot be stored as the text of `label`, or null when it can. */
export function hiddenCharacterProblem(label: string, s: string): string | null {
  const control = CONTROL.exec(s);
  if (control) return `${label}含有不可见的控制字符（${codePoint(control[0])}），可能来自复制的内容，请删除后再保存`;
  const bidi = BIDI.exec(s);
  if (bidi) return `${label}含有改变文字显示方向的控制字符（${codePoint(bidi[0])}），会让看到的内容与保存的内容不同，请删除后再保存`;
  return null;
}

/**
 * A text field: zero-width characters removed, Unicode whitespace trimmed (so a field of only such
 * characters is empty before any `.min(1)` the caller adds), controls and direction overrides refused.
 * Passwords do not use it: a secret is compared exactly as typed.
 */
export function textField(label: string) {
  return z
    .string({ error: `${label}须为文本` })
    .overwrite(stripInvisible)
    .trim()
    .superRefine((v, ctx) => {
    const problem = hiddenCharacterProblem(label, v);
      // The field's other checks would only restate the problem.
      if (problem) ctx.addIssue({ code: 'custom', message: problem, continue: false });
    });
}
