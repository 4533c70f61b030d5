/**
 * The interchange JSON of a 自评表 (docs/interchange.md, “selfEvaluation”): the same document head as
 * the targets' interchange (`unit`, `year`) with a `selfEvaluation` object for one table, or
 * `selfEvaluations` and a derived `summary` for a unit-year. Every value is a string as printed, so
 * nothing is rounded on the way; reading back validates and names the path of every problem.
 */
import { z } from 'zod';
import type { Grade } from '@/lib/domain/scoring';
import type { SelfEvalSheet } from '@/lib/domain/selfeval-sheet';
import { selfEvalSummary, type SelfEvalSummary } from './selfeval-summary';

export type SelfEvalUnit = { code: string; name: string };

export type InterchangeSelfEvaluation = {
  code: string;
  name: string;
  department: string;
  implementingUnit: string;
  /** 年度资金总额 first; its 分值/执行率/得分 are absent on the 其中 rows. */
  funds: { label: SelfEvalSheet['funds'][number]['label']; initial: string; annual: string; executed: string; weight?: string; rate?: string; score?: string }[];
  goal: { expected: string; actual: string };
  indicators: { level1: string; level2: string; name: string; target: string; actual: string; weight: string; score: string; deviation: string; warning?: string }[];
  /** Always 100, as the footer prints it. */
  total: '100';
  selfScore: string;
  grade: Grade | null;
};

export type SelfEvalInterchange = { unit: SelfEvalUnit | null; year: number; selfEvaluation: InterchangeSelfEvaluation };
export type SelfEvalUnitYearInterchange = { unit: SelfEvalUnit | null; year: number; summary: SelfEvalSummary; selfEvaluations: InterchangeSelfEvaluation[] };

export function selfEvaluationOut(s: SelfEvalSheet): InterchangeSelfEvaluation {
  return {
    code: s.projectCode,
    name: s.projectName,
    department: s.department,
    implementingUnit: s.implementingUnit,
    funds: s.funds.map((f) => ({
      label: f.label,
      initial: f.initial,
      annual: f.annual,
      executed: f.executed,
      ...(f.label === '年度资金总额' || f.weight !== '' || f.rate !== '' || f.score !== '' ? { weight: f.weight, rate: f.rate, score: f.score } : {}),
    })),
    goal: { expected: s.goal.expected, actual: s.goal.actual },
    indicators: s.indicators.map((r) => ({
      level1: r.level1,
      level2: r.level2,
      name: r.name,
      target: r.target,
      actual: r.actual,
      weight: r.weight,
      score: r.score,
      deviation: r.deviation,
      ...(r.warning ? { warning: r.warning } : {}),
    })),
    total: '100',
    selfScore: s.selfScore,
    grade: s.grade === '' ? null : s.grade,
  };
}

export function selfEvalToInterchange(s: SelfEvalSheet, unit: SelfEvalUnit | null = null): SelfEvalInterchange {
  return { unit: unit ? { code: unit.code, name: unit.name } : null, year: s.year, selfEvaluation: selfEvaluationOut(s) };
}

export function selfEvalUnitYearToInterchange(unit: SelfEvalUnit | null, year: number, sheets: readonly SelfEvalSheet[]): SelfEvalUnitYearInterchange {
  return { unit: unit ? { code: unit.code, name: unit.name } : null, year, summary: selfEvalSummary(sheets), selfEvaluations: sheets.map(selfEvaluationOut) };
}

/** A decimal as typed (`89.974`, `8`, `-1.5`), or empty. */
const decimal = z.string().max(30).regex(/^(?:-?\d+(?:\.\d+)?)?$/, '应为数字字符串（如 "95.00"），或空字符串');
const text = z.string().max(5000);

const fundsSchema = z.strictObject({
  label: z.enum(['年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金']),
  initial: decimal,
  annual: decimal,
  executed: decimal,
  weight: decimal.optional(),
  rate: decimal.optional(),
  score: decimal.optional(),
});

export const selfEvaluationSchema = z.strictObject({
  code: z.string().max(60),
  name: z.string().min(1, '项目名称不能为空').max(300),
  department: z.string().max(200),
  implementingUnit: z.string().max(200),
  funds: z.array(fundsSchema).max(10),
  goal: z.strictObject({ expected: text, actual: text }),
  indicators: z
    .array(
      z.strictObject({
        level1: text,
        level2: text,
        name: text,
        target: text,
        actual: text,
        weight: decimal,
        score: decimal,
        deviation: text,
        warning: z.string().max(100).optional(),
      }),
    )
    .max(1000),
  total: z.literal('100').optional(),
  selfScore: decimal,
  grade: z.enum(['优', '良', '中', '差']).nullable(),
});

const head = {
  unit: z.strictObject({ code: z.string().max(20), name: z.string().max(200) }).nullable(),
  year: z.number().int().min(1990).max(2100),
};

/** One table or a unit-year; a unit-year's `summary` is derived, so it is accepted and not read. */
export const selfEvalInterchangeSchema = z.union([
  z.strictObject({ ...head, selfEvaluation: selfEvaluationSchema }),
  z.strictObject({ ...head, summary: z.unknown().optional(), selfEvaluations: z.array(selfEvaluationSchema).max(5000) }),
]);

type ParsedSelfEvaluation = z.infer<typeof selfEvaluationSchema>;

function sheetIn(year: number, e: ParsedSelfEvaluation): SelfEvalSheet {
  return {
    year,
    projectName: e.name,
    projectCode: e.code,
    department: e.department,
    implementingUnit: e.implementingUnit,
    funds: e.funds.map((f) => ({ label: f.label, initial: f.initial, annual: f.annual, executed: f.executed, weight: f.weight ?? '', rate: f.rate ?? '', score: f.score ?? '' })),
    goal: { ...e.goal },
    indicators: e.indicators.map(({ warning, ...r }) => ({ ...r, ...(warning ? { warning } : {}) })),
    selfScore: e.selfScore,
    grade: e.grade ?? '',
  };
}

export type FromSelfEvalInterchange = { ok: true; unit: SelfEvalUnit | null; year: number; sheets: SelfEvalSheet[] } | { ok: false; problems: string[] };

/** Reads either document back into sheets; problems name their path (`selfEvaluation.funds.0.annual：…`). */
export function fromSelfEvalInterchange(json: unknown): FromSelfEvalInterchange {
  const parsed = selfEvalInterchangeSchema.safeParse(json);
  if (!parsed.success) {
    // A union reports each branch; the branch the document meant is the one whose key it has.
    const isUnitYear = typeof json === 'object' && json !== null && 'selfEvaluations' in json;
    const issues = parsed.error.issues.flatMap((i) => (i.code === 'invalid_union' ? (i.errors[isUnitYear ? 1 : 0] ?? []).map((e) => ({ ...e, path: [...i.path, ...e.path] })) : [i]));
    return { ok: false, problems: issues.slice(0, 50).map((i) => `${i.path.join('.') || '（根）'}：${i.message}`) };
  }
  const d = parsed.data;
  const list = 'selfEvaluation' in d ? [d.selfEvaluation] : d.selfEvaluations;
  return { ok: true, unit: d.unit, year: d.year, sheets: list.map((e) => sheetIn(d.year, e)) };
}
