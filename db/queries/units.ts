import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { db, now, prepared } from '../client';
import { frameworks, projects, unitYears, units, type UnitRow, type UnitYearRow } from '../schema';

export function findUnitByCode(code: string): UnitRow | undefined {
  return db().select().from(units).where(eq(units.code, code)).get();
}

export function getUnit(id: number): UnitRow | undefined {
  return db().select().from(units).where(eq(units.id, id)).get();
}

export function listUnits(): UnitRow[] {
  return db().select().from(units).orderBy(asc(units.code)).all();
}

export function insertUnit(code: string, name: string): UnitRow {
  return db().insert(units).values({ code, name, createdAt: now() }).returning().get();
}

export function updateUnitName(id: number, name: string): void {
  db().update(units).set({ name }).where(eq(units.id, id)).run();
}

export function findUnitYear(unitId: number, year: number): UnitYearRow | undefined {
  return db()
    .select()
    .from(unitYears)
    .where(and(eq(unitYears.unitId, unitId), eq(unitYears.year, year)))
    .get();
}

export function getUnitYear(id: number): UnitYearRow | undefined {
  return prepared('unit-years.get', (d) => d.select().from(unitYears).where(eq(unitYears.id, sql.placeholder('id'))).prepare()).get({ id });
}

export type UnitYearFields = {
  frameworkId: number;
  projectExpenditureYuan: number | null;
  ruleProfile: string | null;
};

export function insertUnitYear(unitId: number, year: number, fields: UnitYearFields): UnitYearRow {
  const t = now();
  return db()
    .insert(unitYears)
    .values({ unitId, year, ...fields, createdAt: t, updatedAt: t })
    .returning()
    .get();
}

export function updateUnitYear(id: number, fields: Partial<UnitYearFields>): void {
  db()
    .update(unitYears)
    .set({ ...fields, updatedAt: now() })
    .where(eq(unitYears.id, id))
    .run();
}

export type UnitYearSummary = {
  id: number;
  year: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  frameworkId: number;
  frameworkName: string;
  projectExpenditureYuan: number | null;
  ruleProfile: string | null;
  projectCount: number;
  budgetSumYuan: number;
};

const summaryColumns = {
  id: unitYears.id,
  year: unitYears.year,
  unitId: units.id,
  unitCode: units.code,
  unitName: units.name,
  frameworkId: unitYears.frameworkId,
  frameworkName: frameworks.name,
  projectExpenditureYuan: unitYears.projectExpenditureYuan,
  ruleProfile: unitYears.ruleProfile,
  projectCount: sql<number>`(select count(*) from ${projects} where ${projects.unitYearId} = ${unitYears.id})`,
  budgetSumYuan: sql<number>`(select coalesce(sum(${projects.totalYuan}), 0) from ${projects} where ${projects.unitYearId} = ${unitYears.id})`,
};

export type UnitYearOption = { id: number; year: number; unitId: number; unitCode: string; unitName: string };

/** Narrows unit-year options: by unit code or name (a substring), or a year typed as four digits. */
export type UnitYearOptionQuery = { search?: string | undefined; limit?: number; offset?: number };

function optionFilter(unitIds: readonly number[] | null, search: string | undefined) {
  const conditions = [];
  if (unitIds) conditions.push(inArray(unitYears.unitId, [...unitIds]));
  const term = search?.trim();
  if (term) {
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const byText = or(sql`${units.code} like ${like} escape '\\'`, sql`${units.name} like ${like} escape '\\'`);
    conditions.push(/^\d{4}$/.test(term) ? or(byText, eq(unitYears.year, Number(term))) : byText);
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** Unit-years for pickers (no aggregates, so cheap at any scale); `unitIds` null means every unit. */
export function listUnitYearOptions(unitIds: readonly number[] | null, query: UnitYearOptionQuery = {}): UnitYearOption[] {
  if (unitIds && unitIds.length === 0) return [];
  const q = db()
    .select({ id: unitYears.id, year: unitYears.year, unitId: units.id, unitCode: units.code, unitName: units.name })
    .from(unitYears)
    .innerJoin(units, eq(units.id, unitYears.unitId))
    .where(optionFilter(unitIds, query.search))
    .orderBy(sql`${unitYears.year} desc`, asc(units.code))
    .$dynamic();
  if (query.limit !== undefined) q.limit(query.limit).offset(query.offset ?? 0);
  return q.all();
}

export function countUnitYearOptions(unitIds: readonly number[] | null, search?: string): number {
  if (unitIds && unitIds.length === 0) return 0;
  const row = db()
    .select({ n: sql<number>`count(*)` })
    .from(unitYears)
    .innerJoin(units, eq(units.id, unitYears.unitId))
    .where(optionFilter(unitIds, search))
    .get();
  return row?.n ?? 0;
}

export function getUnitYearSummary(id: number): UnitYearSummary | undefined {
  return db()
    .select(summaryColumns)
    .from(unitYears)
    .innerJoin(units, eq(units.id, unitYears.unitId))
    .innerJoin(frameworks, eq(frameworks.id, unitYears.frameworkId))
    .where(eq(unitYears.id, id))
    .get();
}

/** Every unit-year with its aggregates in one query (the administration list), newest year first. */
export function listUnitYearSummaries(): UnitYearSummary[] {
  return db()
    .select(summaryColumns)
    .from(unitYears)
    .innerJoin(units, eq(units.id, unitYears.unitId))
    .innerJoin(frameworks, eq(frameworks.id, unitYears.frameworkId))
    .orderBy(sql`${unitYears.year} desc`, asc(units.code))
    .all();
}

export function findUnitYearSummaryByCode(unitCode: string, year: number): UnitYearSummary | undefined {
  return db()
    .select(summaryColumns)
    .from(unitYears)
    .innerJoin(units, eq(units.id, unitYears.unitId))
    .innerJoin(frameworks, eq(frameworks.id, unitYears.frameworkId))
    .where(and(eq(units.code, unitCode), eq(unitYears.year, year)))
    .get();
}

/** Unit-years that have at least one approved table: what the public disclosure index lists. */
export function listPublishedUnitYears(): (UnitYearOption & { approved: number })[] {
  return db()
    .select({
      id: unitYears.id,
      year: unitYears.year,
      unitId: units.id,
      unitCode: units.code,
      unitName: units.name,
      approved: sql<number>`count(${projects.id})`,
    })
    .from(unitYears)
    .innerJoin(units, eq(units.id, unitYears.unitId))
    .innerJoin(projects, and(eq(projects.unitYearId, unitYears.id), eq(projects.status, 'approved')))
    .groupBy(unitYears.id)
    .orderBy(sql`${unitYears.year} desc`, asc(units.code))
    .all();
}
