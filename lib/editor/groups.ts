/**
 * The indicator tree as the editor shows it, laid out like the published table: level-1 sections in the
 * framework's order, and inside each the rows in print order (the owner's), with every level-2 category
 * of the section listed in the framework's order with its state.
 */
import type { Framework } from '@/lib/domain/framework';

export type RowRef = { level1: string; level2: string; isPlaceholder: boolean };
export type CategoryState = { level2: string; rows: number; isPlaceholder: boolean; inFramework: boolean };
export type Section = { level1: string; rows: number[]; categories: CategoryState[]; inFramework: boolean };

export function groupRows(framework: Framework, rows: readonly RowRef[]): Section[] {
  const sections: Section[] = framework.sections.map((s) => ({
    level1: s.name,
    rows: [],
    categories: s.categories.map((c) => ({ level2: c.name, rows: 0, isPlaceholder: false, inFramework: true })),
    inFramework: true,
  }));
  rows.forEach((r, i) => {
    let section = sections.find((s) => s.level1 === r.level1);
    if (!section) {
      section = { level1: r.level1, rows: [], categories: [], inFramework: false };
      sections.push(section);
    }
    section.rows.push(i);
    let c = section.categories.find((x) => x.level2 === r.level2);
    if (!c) {
      c = { level2: r.level2, rows: 0, isPlaceholder: false, inFramework: false };
      section.categories.push(c);
    }
    c.rows++;
  });
  for (const s of sections) {
    for (const c of s.categories) {
      const mine = s.rows.filter((i) => rows[i]!.level2 === c.level2);
      c.isPlaceholder = mine.length > 0 && mine.every((i) => rows[i]!.isPlaceholder);
    }
  }
  return sections;
}

/**
 * Where a new row of a category goes: after that category's last row in its section; otherwise after
 * the last row of a category that comes before it in the framework; otherwise at the section's start.
 */
export function insertionIndex(sections: readonly Section[], rows: readonly RowRef[], level1: string, level2: string): number {
  const sectionIndex = sections.findIndex((s) => s.level1 === level1);
  const section = sections[sectionIndex];
  if (!section) return rows.length;
  const own = section.rows.filter((i) => rows[i]!.level2 === level2);
  if (own.length > 0) return Math.max(...own) + 1;
  const order = section.categories.map((c) => c.level2);
  const before = new Set(order.slice(0, order.indexOf(level2)));
  const earlier = section.rows.filter((i) => before.has(rows[i]!.level2));
  if (earlier.length > 0) return Math.max(...earlier) + 1;
  if (section.rows.length > 0) return Math.min(...section.rows);
  const previous = sections.slice(0, sectionIndex).flatMap((s) => s.rows);
  return previous.length > 0 ? Math.max(...previous) + 1 : 0;
}
