/**
 * The 分值 (weights) of a 自评表 (issue #15, item 2): defaults from the unit-year's profile, split
 * evenly over the real rows of each pool of level-1 sections, and the check that a table's weights add
 * up to 100. Weights are held in cents of a point so that the split adds up exactly.
 */
import { findCategory, type Framework } from './framework';
import { readPoints } from './scoring';
import { add, fromNumber, toFixed, ZERO } from './ratio';

/** Points shared by the real rows of one or more level-1 sections. */
export type WeightPool = { sections: string[]; points: number };
export type WeightProfile = { funds: number; pools: WeightPool[] };

/**
 * 产出 50 · 效益 30 · 满意度 10 · funds 10. Where the framework has 成本指标 at level 1 (2021), it shares
 * the 50 with 产出 as one pool: the 50 are split evenly over the real rows of both together, so a cost
 * row weighs what an output row weighs, however many of each the table has.
 */
export function defaultWeightProfile(framework: Framework): WeightProfile {
  const has = (name: string) => framework.sections.some((s) => s.name === name);
  return {
    funds: 10,
    pools: [
      { sections: has('成本指标') ? ['产出指标', '成本指标'] : ['产出指标'], points: 50 },
      { sections: ['效益指标'], points: 30 },
      { sections: ['满意度指标'], points: 10 },
    ],
  };
}

export type WeightRow = { level1: string; level2: string; isPlaceholder: boolean };

export type DefaultWeights = {
  funds: string;
  /** One per row, in order: `"8.34"`, or null for a placeholder (it is not scored). */
  rows: (string | null)[];
  /** Pools with no real row: their points are left out, so the weights do not reach 100. */
  unassigned: WeightPool[];
};

/**
 * Each pool's points split evenly over its real rows in cents; the cents left over go one each to the
 * first rows (50 over 3 rows: 16.67, 16.67, 16.66).
 */
export function defaultWeights(rows: readonly WeightRow[], framework: Framework, profile: WeightProfile = defaultWeightProfile(framework)): DefaultWeights {
  const sectionOf = (row: WeightRow) => findCategory(framework, row.level2)?.section.name ?? row.level1;
  const out: (string | null)[] = rows.map(() => null);
  const unassigned: WeightPool[] = [];
  for (const pool of profile.pools) {
    const members = rows.flatMap((row, i) => (!row.isPlaceholder && pool.sections.includes(sectionOf(row)) ? [i] : []));
    if (members.length === 0) {
      unassigned.push(pool);
      continue;
    }
    const cents = Math.round(pool.points * 100);
    const base = Math.floor(cents / members.length);
    const extra = cents - base * members.length;
    members.forEach((rowIndex, k) => {
      const c = base + (k < extra ? 1 : 0);
      out[rowIndex] = `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
    });
  }
  return { funds: toFixed(fromNumber(profile.funds)), rows: out, unassigned };
}

export type WeightCheck = { total: string; isHundred: boolean; message?: string };

/** Whether the funds weight and the rows' weights add up to exactly 100; when not, a message saying by how much. */
export function checkWeights(funds: string | null, rows: readonly (string | null)[]): WeightCheck {
  let total = ZERO;
  const all = [funds, ...rows];
  for (const [i, w] of all.entries()) {
    if (w === null || w.trim() === '') continue;
    const r = readPoints(w, i === 0 ? '资金分值' : `第 ${i} 行的分值`);
    if (!r.ok) return { total: '', isHundred: false, message: r.message };
    total = add(total, r.value);
  }
  const shown = toFixed(total);
  if (shown === '100.00') return { total: shown, isHundred: true };
  return { total: shown, isHundred: false, message: `分值合计为 ${shown}，应为 100：请调整各项分值` };
}
