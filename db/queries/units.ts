import { and, asc, count, eq, inArray, or, sql } from 'drizzle-orm';
import { containsText, db, first, now, prepared } from '../client';
import { frameworks, projects, unitYears, units, type UnitRow, type UnitYearRow } from '../schema';

export async function findUnitByCode(code: string): Promise<UnitRow | undefined> {
  return first(db().select().from(units).where(eq(units.code, code)));
}

export async function getUnit(id: number): Promise<UnitRow | undefined> {
  return first(db().select().from(units).where(eq(units.id, id)));
}

export async function listUnits(): Promise<UnitRow[]> {
  return db().select().from(units).orderBy(asc(units.code));
}

export async function insertUnit(code: string, name: string): Promise<UnitRow> {
  const [row] = await db().insert(units).values({ code, name, createdAt: now() }).returning();
  return row!;
}

export async function updateUnitName(id: number, name: string): Promise<void> {
  await db().update(units).set({ name }).where(eq(units.id, id));
}

export async function findUnitYear(unitId: number, year: number): Promise<UnitYearRow | undefined> {
  return first(
    db()
      .select()
      .from(unitYears)
      .where(and(eq(unitYears.unitId, unitId), eq(unitYears.year, year))),
  );
}

export async function getUnitYear(id: number): Promise<UnitYearRow | undefined> {
  return first(
    prepared('unit-years.get', (d) => d.select().from(unitYears).where(eq(unitYears.id, sql.placeholder('id'))).prepare('unit_years_get')).execute({ id }),
  );
}

export type UnitYearFields = {
  frameworkId: number;
  projectExpenditureYuan: number | null;
  ruleProfile: string | null;
};

export async function insertUnitYear(unitId: number, year: number, fields: UnitYearFields): Promise<UnitYearRow> {
  const t = now();
  const [row] = await db()
    .insert(unitYears)
    .values({ unitId, year, ...fields, createdAt: t, updatedAt: t })
    .returning();
  return row!;
}

export async function updateUnitYear(id: number, fields: Partial<UnitYearFields>): Promise<void> {
  await db()
    .update(unitYears)
    .set({ ...fields, updatedAt: now() })
    .where(eq(unitYears.id, id));
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
    const byText = or(containsText(units.code, term), containsText(units.name, term));
    conditions.push(/^\d{4}$/.test(term) ? or(byText, eq(unitYears.year, Number(term))) : byText);
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** Unit-years for pickers (no aggregates, so cheap at any scale); `unitIds` null means every unit. */
export async function listUnitYearOptions(unitIds: readonly number[] | null, query: UnitYearOptionQuery = {}): Promise<UnitYearOption[]> {
  if (unitIds && unitIds.length === 0) return [];
  const q = db()
    .select({ id: unitYears.id, year: unitYears.year, unitId: units.id, unitCode: units.code, unitName: units.name })
    .from(unitYears)
    .innerJoin(units, eq(units.id, unitYears.unitId))
    .where(optionFilter(unitIds, query.search))
    .orderBy(sql`${unitYears.year} desc`, asc(units.code))
    .$dynamic();
  return query.limit === undefined ? q : q.limit(query.limit).offset(query.offset ?? 0);
}

export async function countUnitYearOptions(unitIds: readonly number[] | null, search?: string): Promise<number> {
  if (unitIds && unitIds.length === 0) return 0;
  const row = await first(
    db()
      .select({ n: count() })
      .from(unitYears)
      .innerJoin(units, eq(units.id, unitYears.unitId))
      .where(optionFilter(unitIds, search)),
  );
  return row?.n ?? 0;
}

export async function getUnitYearSummary(id: number): Promise<UnitYearSummary | undefined> {
  return first(
    db()
      .select(summaryColumns)
      .from(unitYears)
      .innerJoin(units, eq(units.id, unitYears.unitId))
      .innerJoin(frameworks, eq(frameworks.id, unitYears.frameworkId))
      .where(eq(unitYears.id, id)),
  );
}

/** Every unit-year with its aggregates in one query (the administration list), newest year first. */
export async function listUnitYearSummaries(): Promise<UnitYearSummary[]> {
  return db()
    .select(summaryColumns)
    .from(unitYears)
    .innerJoin(units, eq(units.id, unitYears.unitId))
    .innerJoin(frameworks, eq(frameworks.id, unitYears.frameworkId))
    .orderBy(sql`${unitYears.year} desc`, asc(units.code));
}

export async function findUnitYearSummaryByCode(unitCode: string, year: number): Promise<UnitYearSummary | undefined> {
  return first(
    db()
      .select(summaryColumns)
      .from(unitYears)
      .innerJoin(units, eq(units.id, unitYears.unitId))
      .innerJoin(frameworks, eq(frameworks.id, unitYears.frameworkId))
      .where(and(eq(units.code, unitCode), eq(unitYears.year, year))),
  );
}

/** Unit-years that have at least one approved table: what the public disclosure index lists. */
export async function listPublishedUnitYears(): Promise<(UnitYearOption & { approved: number })[]> {
  return db()
    .select({
      id: unitYears.id,
      year: unitYears.year,
      unitId: units.id,
      unitCode: units.code,
      unitName: units.name,
      approved: count(projects.id),
    })
    .from(unitYears)
    .innerJoin(units, eq(units.id, unitYears.unitId))
    .innerJoin(projects, and(eq(projects.unitYearId, unitYears.id), eq(projects.status, 'approved')))
    .groupBy(unitYears.id, units.id)
    .orderBy(sql`${unitYears.year} desc`, asc(units.code));
}
