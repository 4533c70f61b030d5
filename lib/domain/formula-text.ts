/**
 * Text that a spreadsheet would run as a formula when the published text (tab-separated) or an XLSX
 * is opened in Excel or WPS: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return
 * (OWASP "CSV injection"). A plain number (`-5`, `+3.5%`, `-1,234.00`) and a bare dash (`-`, `--`)
 * are data, not formulas, and are left alone: quoting them would change how every printed number reads.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d[\d,]*(?:\.\d+)?%?$/;
const DASHES = /^-+$/;

export function isFormulaLike(s: string): boolean {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) && !DASHES.test(s);
}

/** Whether a quote prefix belongs in front of `s`: it is formula-like once its own leading quotes are set aside. */
function needsQuote(s: string): boolean {
  return isFormulaLike(s.replace(/^'+/, ''));
}

/**
 * `s` as a text export writes it: a `'` in front of formula-like text, the prefix spreadsheets read as
 * "this is text". Text that already starts with quotes before a formula gets one more, so that
 * `unquoteFormula` gives back exactly what was stored.
 */
export function quoteFormula(s: string): string {
  return needsQuote(s) ? `'${s}` : s;
}

/** The inverse of `quoteFormula`, for reading our own text export back. */
export function unquoteFormula(s: string): string {
  return s.startsWith("'") && needsQuote(s.slice(1)) ? s.slice(1) : s;
}
