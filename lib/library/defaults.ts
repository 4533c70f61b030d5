/**
 * The editor's learned starting values for a unit-year's framework: per 二级, the library's clear
 * favourite value shape (rule in lib/editor/learned-defaults.ts). The library's counts are not
 * confidential by unit here: only the shape (kind, comparator, unit) leaves, never a value or a source.
 */
import { valueCountsByLevel2 } from '@/db/queries/library';
import type { Framework } from '@/lib/domain/framework';
import { learnedDefaults, type LearnedDefaults, type ValueCount } from '@/lib/editor/learned-defaults';

export async function learnedDefaultsFor(framework: Framework): Promise<LearnedDefaults> {
  const names = framework.sections.flatMap((s) => s.categories.map((c) => c.name));
  const byLevel2 = new Map<string, ValueCount[]>();
  for (const r of await valueCountsByLevel2(names)) {
    const list = byLevel2.get(r.level2) ?? [];
    list.push({ text: r.text, count: r.count });
    byLevel2.set(r.level2, list);
  }
  return learnedDefaults(byLevel2);
}
