/** Line-level reading of published text: cells, labels and the noise a PDF extraction leaves. */
import { unquoteFormula } from '@/lib/domain/formula-text';
import { stripInvisible } from '@/lib/domain/text';
import { toHalfWidth } from '@/lib/format/half-width';

/** Lines longer than this are noise for our purposes; capping keeps every regex linear and fast. */
const MAX_LINE = 20_000;

export type Line = { no: number; text: string; cells: string[] };

export function splitLines(text: string): Line[] {
  // Zero-width characters (a byte-order mark too) go before anything is read, as the schemas drop them.
  const raw = stripInvisible(text).split(/\r\n|\r|\n/);
  return raw.map((t, i) => {
    const text = t.length > MAX_LINE ? t.slice(0, MAX_LINE) : t;
    return { no: i + 1, text, cells: text.split('\t').map((c) => unquoteFormula(c.trim())) };
  });
}

/** A label compared without whitespace and with full-width brackets folded: `资金支出计 划 (%)` → `资金支出计划(%)`. */
export function squash(s: string): string {
  return s.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':');
}

export function nonEmpty(cells: readonly string[]): string[] {
  return cells.filter((c) => c !== '');
}

export function isBlank(line: Line): boolean {
  return line.text.trim() === '';
}

export type TableHeading = { number: number; title: string; hasMarker: boolean };

/**
 * `## 3、2024 …绩效目标表` (any heading depth, or none) → number and title. Without a `#` marker the line
 * could as well be a numbered goal (`2. 建立…绩效目标表`); `hasMarker` lets the caller decide by context.
 */
export function tableHeading(line: Line): TableHeading | null {
  const m = /^\s*(#{0,6})\s*(\d{1,4})\s*[、.．]\s*(.{1,300}?)\s*绩效目标表\s*$/.exec(line.text);
  if (!m || line.text.includes('\t')) return null;
  return { number: Number(m[2]), title: m[3]!.trim(), hasMarker: m[1] !== '' };
}

/** A heading that is not a table's: it ends the section (`## 六、政府采购预算情况`). */
export function isOtherHeading(line: Line): boolean {
  return /^\s*#{1,6}\s/.test(line.text) && tableHeading(line) === null;
}

/** Page headers repeated inside tables by the PDF: `441001 承德市……`, `预算年度：2024`, `单位：万元`. */
export function isPageNoise(line: Line): boolean {
  const t = line.text.trim();
  return /^\d{6}\s+\S+$/.test(t) || /^预算年度[:：]\s*\d{4}$/.test(t) || /^单位[:：]\s*万元$/.test(t) || /^截止时间[:：]/.test(t);
}

const INDICATOR_LABELS = ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'] as const;
export type IndicatorColumns = { level1: number; level2: number; name: number; description: number; value: number; basis: number; leading: boolean };

/** The indicator header row, and where each column sits in it (layouts differ from page to page). */
export function indicatorHeader(line: Line): IndicatorColumns | null {
  const squashed = line.cells.map(squash);
  const idx = INDICATOR_LABELS.map((l) => squashed.indexOf(l));
  if (idx.some((i) => i < 0)) return null;
  const [level1, level2, name, description, value, basis] = idx as [number, number, number, number, number, number];
  return { level1, level2, name, description, value, basis, leading: level1 > 0 };
}

/** `3 月底` / `3月底` / `3月末` → 3. */
/** Full-width digits (`３`) as ASCII, as a PDF extraction sometimes leaves them. */
const asciiDigits = (s: string) => toHalfWidth(s, /[０-９．]/g);

export function monthCell(cell: string): number | null {
  const m = /^(\d{1,2})\s*月\s*[底末]$/.exec(asciiDigits(cell.trim()));
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 && n <= 12 ? n : null;
}

/** `25%` → 25. */
export function percentCell(cell: string): number | null {
  const m = /^(\d{1,3}(?:\.\d+)?)\s*[%％]$/.exec(asciiDigits(cell.trim()));
  return m ? Number(m[1]) : null;
}

/** Cell text as printed, with HTML tags a converter left in (`<p>`) removed and spaces collapsed. */
export function cleanText(s: string): string {
  return s
    .replace(/<\/?[a-zA-Z][^<>]{0,200}>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
