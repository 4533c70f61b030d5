/**
 * Full-width forms (`３`, `．`, `％`, `（`) as their ASCII characters, as Chinese input methods and PDF
 * extraction leave them. `chars` narrows which are converted (by default every full-width ASCII form).
 */
export function toHalfWidth(s: string, chars: RegExp = /[\uFF01-\uFF5E]/g): string {
  return s.replace(chars, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
