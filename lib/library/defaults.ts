/**
 * The editor's learned starting values for a unit-year's framework: per 二级, the library's clear
 * favourite value shape (rule in lib/editor/learned-defaults.ts). The library's counts are not
 * confidential by unit here: only the shape (kind, comparator, unit) leaves, never a value or a source.
 */
import { valueCountsByLevel2 } from '@/db/queries/library';
import type { Framework } from '@/lib/domain/framework';
import { learnedDefaults, type LearnedDefaults, type ValueCount } from '@/lib/editor/learned-defaults';

/**
 * Kept a minute per framework in each process: every editor page asks, the answer sums the library's
 * value counts (large at province scale), and a starting shape a minute old is as good as a fresh one.
 * Nothing is shared through it, so several app servers each keeping their own copy is harmless.
 */
const CACHE_MS = 60_000;
const cache = new Map<string, { at: number; value: Promise<LearnedDefaults> }>();

export function learnedDefaultsFor(framework: Framework): Promise<LearnedDefaults> {
  const key = `${framework.code}:${framework.sections.flatMap((s) => s.categories.map((c) => c.name)).join('|')}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = readLearnedDefaults(framework);
  cache.set(key, { at: Date.now(), value });
  // A failed read is not kept: the next page asks again.
  value.catch(() => cache.delete(key));
  return value;
}

async function readLearnedDefaults(framework: Framework): Promise<LearnedDefaults> {
  const names = framework.sections.flatMap((s) => s.categories.map((c) => c.name));
  const byLevel2 = new Map<string, ValueCount[]>();
  for (const r of await valueCountsByLevel2(names)) {
    const list = byLevel2.get(r.level2) ?? [];
    list.push({ text: r.text, count: r.count });
    byLevel2.set(r.level2, list);
  }
  return learnedDefaults(byLevel2);
}
