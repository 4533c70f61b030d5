/**
 * The interchange JSON (docs/interchange.md): the parsed document without parse-only details, and the
 * way back with validation. Placeholder rows list only their categories unless their cells deviate.
 */
import { z } from 'zod';
import '@/lib/domain/schemas';
import { placeholderText } from '@/lib/domain/framework';
import { normaliseWanyuan } from '@/lib/domain/money';
import type { IndicatorRow, TargetTable, UnitRef } from '@/lib/domain/table';
import { COMPARATORS, type TargetValue } from '@/lib/domain/target-value';
import { numberOf, type Placed, type TextCover } from './render';
import type { ParseProblem } from './types';

export type InterchangeIndicator =
  | { level1: string; level2: string; name: string; description: string; value: string; basis: string; target: TargetValue; longtermValue?: string }
  | { level1: string; level2: string; placeholder: true; name?: string; description?: string; value?: string; basis?: string };

export type InterchangeProject = {
  /** The N of `N、…绩效目标表`, as printed. */
  number?: number;
  /** True for a table not yet approved (exports that include drafts); absent when not known. */
  draft?: boolean;
  code: string;
  name: string;
  budget: { total: string; fiscal: string; other: string | null };
  purpose: string;
  goal: string;
  /** 中长期/总体目标 printed beside the 年度 goal; absent when the table has none. */
  longtermGoal?: string;
  /** The unit the source printed amounts in (`budget` is always 万元); absent for tables in 万元 of our own layout. */
  amountUnit?: '元' | '万元';
  /** A draft's point still to fill has a null percent. */
  schedule: { month: number; percent: number | null }[];
  indicators: InterchangeIndicator[];
};

export type InterchangeCover = {
  projects: { number: number; code: string; name: string; total: string; draft: boolean }[];
  total: string;
  projectExpenditure: string | null;
  difference: string | null;
};

export type Interchange = {
  unit: UnitRef | null;
  year: number | null;
  projectExpenditure: string | null;
  /** Present when the export was asked for the cover list. */
  cover?: InterchangeCover;
  projects: InterchangeProject[];
  problems: ParseProblem[];
};

function indicatorOut(r: IndicatorRow): InterchangeIndicator {
  if (!r.isPlaceholder) {
    return {
      level1: r.level1,
      level2: r.level2,
      name: r.name,
      description: r.description,
      value: r.value,
      basis: r.basis,
      target: r.target,
      ...(r.longtermValue === undefined ? {} : { longtermValue: r.longtermValue }),
    };
  }
  const p = placeholderText(r.level2);
  const out: InterchangeIndicator = { level1: r.level1, level2: r.level2, placeholder: true };
  for (const k of ['name', 'description', 'value', 'basis'] as const) if (r[k] !== p) out[k] = r[k];
  return out;
}

export function tableToInterchange(t: TargetTable, place: { number?: number; isDraft?: boolean } = {}): InterchangeProject {
  return {
    ...(place.number === undefined ? {} : { number: place.number }),
    ...(place.isDraft === undefined ? {} : { draft: place.isDraft }),
    code: t.code,
    name: t.name,
    budget: { total: t.budget.total, fiscal: t.budget.fiscal, other: t.budget.other },
    purpose: t.purpose,
    goal: t.goal,
    ...(t.longtermGoal === undefined ? {} : { longtermGoal: t.longtermGoal }),
    ...(t.amountUnit === undefined ? {} : { amountUnit: t.amountUnit }),
    schedule: t.schedule.map((c) => ({ month: c.month, percent: c.percent })),
    indicators: t.indicators.map(indicatorOut),
  };
}

export function coverToInterchange(cover: TextCover): InterchangeCover {
  return {
    projects: cover.rows.map((r) => ({ number: r.number, code: r.code, name: r.name, total: r.total, draft: r.isDraft })),
    total: cover.total,
    projectExpenditure: cover.projectExpenditure,
    difference: cover.difference,
  };
}

export type InterchangeSource = {
  unit: UnitRef | null;
  year: number | null;
  projectExpenditure: string | null;
  projects: readonly (TargetTable & Placed)[];
  problems: readonly ParseProblem[];
};

/** Everything but the projects, in the document's key order (the streamed export writes the projects in between). */
export function interchangeHead(doc: Pick<InterchangeSource, 'unit' | 'year' | 'projectExpenditure'>, opts: { cover?: TextCover } = {}): Omit<Interchange, 'projects' | 'problems'> {
  return {
    unit: doc.unit ? { code: doc.unit.code, name: doc.unit.name } : null,
    year: doc.year,
    projectExpenditure: doc.projectExpenditure,
    ...(opts.cover ? { cover: coverToInterchange(opts.cover) } : {}),
  };
}

export function toInterchange(doc: InterchangeSource, opts: { cover?: TextCover } = {}): Interchange {
  return {
    ...interchangeHead(doc, opts),
    projects: doc.projects.map((p, i) => tableToInterchange(p, { number: numberOf(p, i), isDraft: p.isDraft })),
    problems: doc.problems.map((p) => ({ line: p.line, table: p.table, message: p.message })),
  };
}

const amount = z
  .string()
  .refine((v) => normaliseWanyuan(v) === v, '金额应为两位小数的字符串，如 "10.00"');

const targetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('quantity'), op: z.enum(COMPARATORS), number: z.number().finite(), unit: z.string().max(20) }),
  z.object({
    kind: z.literal('deadline'),
    year: z.number().int().nullable(),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31).nullable(),
    suffix: z.string().max(50).optional(),
  }),
  z.object({ kind: z.literal('text') }),
]);

const text = z.string().max(5000);

const indicatorSchema = z.union([
  z.object({ level1: text, level2: text, placeholder: z.literal(true), name: text.optional(), description: text.optional(), value: text.optional(), basis: text.optional() }),
  z.object({ level1: text, level2: text, name: text, description: text, value: text, basis: text, target: targetSchema, longtermValue: text.optional() }),
]);

export const interchangeSchema = z.object({
  unit: z.object({ code: z.string().max(20), name: z.string().max(200) }).nullable(),
  year: z.number().int().min(1990).max(2100).nullable(),
  projectExpenditure: amount.nullable(),
  projects: z
    .array(
      z.object({
        number: z.number().int().min(1).max(100_000).optional(),
        draft: z.boolean().optional(),
        code: z.string().min(1).max(60),
        name: z.string().min(1).max(300),
        budget: z.object({ total: amount, fiscal: amount, other: amount.nullable() }),
        purpose: text,
        goal: text,
        longtermGoal: text.optional(),
        amountUnit: z.enum(['元', '万元']).optional(),
        schedule: z.array(z.object({ month: z.number().int().min(1).max(12), percent: z.number().min(0).max(100).nullable() })).max(24),
        indicators: z.array(indicatorSchema).max(1000),
      }),
    )
    .max(5000),
  problems: z.array(z.object({ line: z.number().nullable(), table: z.string().nullable(), message: z.string() })).optional(),
});

function indicatorIn(r: z.infer<typeof indicatorSchema>): IndicatorRow {
  if ('placeholder' in r) {
    const p = placeholderText(r.level2);
    return { level1: r.level1, level2: r.level2, name: r.name ?? p, description: r.description ?? p, value: r.value ?? p, basis: r.basis ?? p, target: { kind: 'text' }, isPlaceholder: true };
  }
  return {
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    description: r.description,
    value: r.value,
    basis: r.basis,
    target: r.target as TargetValue,
    isPlaceholder: false,
    ...(r.longtermValue === undefined ? {} : { longtermValue: r.longtermValue }),
  };
}

export type FromInterchange =
  | { ok: true; doc: { unit: UnitRef | null; year: number | null; projectExpenditure: string | null; projects: (TargetTable & Placed)[] } }
  | { ok: false; problems: ParseProblem[] };

export function fromInterchange(json: unknown): FromInterchange {
  const parsed = interchangeSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 50).map((i) => ({ line: null, table: null, message: `${i.path.join('.') || '（根）'}：${i.message}` })),
    };
  }
  const d = parsed.data;
  return {
    ok: true,
    doc: {
      unit: d.unit,
      year: d.year,
      projectExpenditure: d.projectExpenditure,
      projects: d.projects.map(({ number, draft, longtermGoal, amountUnit, ...p }) => ({
        ...p,
        ...(longtermGoal === undefined ? {} : { longtermGoal }),
        ...(amountUnit === undefined ? {} : { amountUnit }),
        ...(number === undefined ? {} : { number }),
        ...(draft === undefined ? {} : { isDraft: draft }),
        budget: { ...p.budget },
        indicators: p.indicators.map(indicatorIn),
      })),
    },
  };
}
