/** The unit-year roll-up printed by the 自评表 exports: average 自评得分 and how many of each grade. */
import type { Grade } from '@/lib/domain/scoring';
import type { SelfEvalSheet } from '@/lib/domain/selfeval-sheet';

export type SelfEvalSummary = {
  /** Tables with a 自评得分 (the average is over these). */
  scored: number;
  /** Two decimals, rounded half-up; null when no table has a score. */
  average: string | null;
  grades: Record<Grade, number>;
};

const CENTS = /^(\d+)(?:\.(\d{1,2}))?$/;

/** `95.5` → 9550; null for anything that is not a non-negative score with at most two decimals. */
function cents(text: string): number | null {
  const m = CENTS.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

export function selfEvalSummary(sheets: readonly SelfEvalSheet[]): SelfEvalSummary {
  const grades: Record<Grade, number> = { 优: 0, 良: 0, 中: 0, 差: 0 };
  let sum = 0;
  let scored = 0;
  for (const s of sheets) {
    if (s.grade !== '') grades[s.grade]++;
    const c = cents(s.selfScore);
    if (c === null) continue;
    sum += c;
    scored++;
  }
  if (scored === 0) return { scored, average: null, grades };
  // Integer arithmetic: half-up to the cent without binary fractions.
  const avg = Math.floor((2 * sum + scored) / (2 * scored));
  return { scored, average: `${Math.floor(avg / 100)}.${String(avg % 100).padStart(2, '0')}`, grades };
}
