/**
 * Whether a table's indicator rows look complete. A truncated file or a lost page leaves a table that
 * parses cleanly but has only its first rows; importing it would replace a full table with a stub, so
 * the parser reports it. Only categories every built-in framework has are required, so a table written
 * to either framework passes (the rules engine checks the unit-year's own framework in full).
 */
import { BUILTIN_FRAMEWORKS } from '@/lib/domain/framework';
import type { IndicatorRow } from '@/lib/domain/table';

type Section = { name: string; categories: string[] };

function commonSections(): Section[] {
  const [first, ...rest] = BUILTIN_FRAMEWORKS;
  if (!first) return [];
  return first.sections
    .filter((s) => rest.every((f) => f.sections.some((o) => o.name === s.name)))
    .map((s) => ({
      name: s.name,
      categories: s.categories
        .map((c) => c.name)
        .filter((c) => rest.every((f) => f.sections.find((o) => o.name === s.name)!.categories.some((o) => o.name === c))),
    }));
}

const REQUIRED = commonSections();
const quoted = (names: readonly string[]) => names.map((n) => `“${n}”`).join('');

/** What is missing, in Chinese, or null when the rows look complete. */
export function incompleteness(rows: readonly IndicatorRow[], endsFile: boolean): string | null {
  const level1s = new Set(rows.map((r) => r.level1));
  const missing = REQUIRED.filter((s) => !level1s.has(s.name)).map((s) => s.name);
  // The section the rows stop in: a cut inside it leaves its later categories out.
  const lastLevel1 = rows[rows.length - 1]?.level1;
  const lastSection = REQUIRED.find((s) => s.name === lastLevel1);
  const present = new Set(rows.filter((r) => r.level1 === lastLevel1).map((r) => r.level2));
  const cutShort = lastSection ? lastSection.categories.filter((c) => !present.has(c)) : [];
  if (missing.length === 0 && cutShort.length === 0) return null;
  const parts: string[] = [];
  if (missing.length > 0) parts.push(`缺少一级指标${quoted(missing)}`);
  if (cutShort.length > 0) parts.push(`指标行停在“${lastLevel1}”中间，没有${quoted(cutShort)}`);
  const where = endsFile ? '文件在此表中途结束，' : '';
  return `${where}表可能不完整：${parts.join('；')}。请核对原文是否缺页或被截断`;
}
