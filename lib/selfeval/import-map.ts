/**
 * A published 自评表 (as read by lib/format/selfeval) laid onto a stored self-evaluation: which sheet of
 * the file is this table's (by project code, else name), and each of its rows onto the stored row of
 * the same (一级, 二级, 三级) names — or of the same 三级 name when that is unique. Pure: the command
 * saves the result through the save command, so locking, scoring and audit stay one path.
 */
import { readMeasure, readRating } from '@/lib/domain/measure';
import type { SelfEvalSheet } from '@/lib/domain/selfeval-sheet';
import { evaluateSelfEval, type Rating, type SelfEvalData, type SelfEvalEntry, type SelfEvalTargetRow } from '@/lib/domain/selfeval';

export type ImportReport = {
  /** 三级指标 names of the stored rows that were filled. */
  filled: string[];
  /** Rows of the file that match no row of this table (一级 / 二级 / 三级). */
  unmatched: string[];
  /** Stored rows the file has nothing for (they keep what they had). */
  untouched: string[];
  /** Whether 全年执行数 and 实际完成情况 came from the file. */
  funds: boolean;
  goal: boolean;
};

const norm = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')');

/** This table's sheet among those of the file: its project code, else its project name; null when none. */
export function matchSheet(sheets: readonly SelfEvalSheet[], project: { code: string; name: string }): SelfEvalSheet | null {
  const code = norm(project.code);
  const name = norm(project.name);
  return sheets.find((s) => s.projectCode !== '' && norm(s.projectCode) === code) ?? sheets.find((s) => norm(s.projectName) === name) ?? null;
}

/** The band a published score falls in (80–100 %, 60–80 %, below 60 % of its 分值); null when unreadable. */
function bandOf(score: string, weight: string): Rating | null {
  const s = Number(score);
  const w = Number(weight);
  if (score.trim() === '' || weight.trim() === '' || !Number.isFinite(s) || !Number.isFinite(w) || w <= 0) return null;
  // In hundredths, so that 8.00 of 10 is 达成 exactly at the edge.
  const ratio = Math.round(s * 100) * 100;
  const full = Math.round(w * 100);
  return ratio >= 80 * full ? 'achieved' : ratio >= 60 * full ? 'partial' : 'not-achieved';
}


export function mapSheet(sheet: SelfEvalSheet, rows: readonly SelfEvalTargetRow[], current: SelfEvalData): { data: SelfEvalData; report: ImportReport } {
  const real = rows.filter((r) => !r.isPlaceholder);
  const byTriple = new Map(real.map((r) => [`${norm(r.level1)}|${norm(r.level2)}|${norm(r.name)}`, r]));
  const byName = new Map<string, SelfEvalTargetRow[]>();
  for (const r of real) byName.set(norm(r.name), [...(byName.get(norm(r.name)) ?? []), r]);
  const entries = new Map(current.entries.map((e) => [e.rowKey, e]));
  const filled = new Set<string>();
  const unmatched: string[] = [];
  for (const line of sheet.indicators) {
    if (line.name.trim() === '') continue;
    const sameName = byName.get(norm(line.name)) ?? [];
    const row = byTriple.get(`${norm(line.level1)}|${norm(line.level2)}|${norm(line.name)}`) ?? (sameName.length === 1 ? sameName[0] : undefined);
    const entry = row ? entries.get(row.key) : undefined;
    if (!row || !entry || filled.has(row.key)) {
      // A placeholder of the file (无经济效益指标 …) matches nothing and needs nothing.
      if (line.weight.trim() !== '' || line.actual.trim() !== line.target.trim()) unmatched.push([line.level1, line.level2, line.name].filter(Boolean).join(' / '));
      continue;
    }
    filled.add(row.key);
    const next: SelfEvalEntry = {
      ...entry,
      actual: line.actual.trim(),
      weight: line.weight.trim() === '' ? entry.weight : line.weight.trim(),
      score: line.score.trim(),
      rating: null,
      deviation: line.deviation.trim() === '' ? entry.deviation : line.deviation.trim(),
    };
    entries.set(row.key, next);
  }
  const executed = sheet.funds.find((f) => f.label === '年度资金总额')?.executed.trim() ?? '';
  const goalActual = sheet.goal.actual.trim();
  const draft: SelfEvalData = {
    funds: { ...current.funds, executed: executed === '' ? current.funds.executed : executed },
    goalActual: goalActual === '' ? current.goalActual : goalActual,
    entries: current.entries.map((e) => entries.get(e.rowKey) ?? e),
  };
  // Text targets and rows the scoring asks a band for (deadlines not met) take the band the actual names
  // (达成预期指标 …) or else the one the published score falls in, so the editor shows it picked;
  // elsewhere the score is computed and the given one ignored.
  const evaluation = evaluateSelfEval(draft, rows);
  const targets = new Map(real.map((r) => [r.key, r.value]));
  const data: SelfEvalData = {
    ...draft,
    entries: draft.entries.map((e) => {
      const isText = readMeasure(targets.get(e.rowKey) ?? '').kind === 'text';
      if (!filled.has(e.rowKey) || !(isText || evaluation.rows[e.rowKey]?.isRated)) return e;
      return { ...e, rating: readRating(e.actual) ?? bandOf(e.score, e.weight) };
    }),
  };
  const names = new Map(real.map((r) => [r.key, r.name]));
  return {
    data,
    report: {
      filled: [...filled].map((k) => names.get(k) ?? k),
      unmatched,
      untouched: real.filter((r) => !filled.has(r.key)).map((r) => r.name),
      funds: executed !== '',
      goal: goalActual !== '',
    },
  };
}
