/**
 * Both engines' schemas give the same TypeScript row types, so code written against one runs on the
 * other. Checked by the type checker (`npm test` runs tsc over this file); the runtime part only
 * confirms both list the same tables and columns.
 */
import { getTableColumns, getTableName } from 'drizzle-orm';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as pg from './pg';
import * as sqlite from './sqlite';

const TABLES = [
  'auditLog', 'frameworks', 'frameworkCategories', 'units', 'unitYears', 'users', 'memberships', 'sessions', 'loginAttempts', 'knownDevices',
  'projects', 'checkpoints', 'indicators', 'reviewEvents', 'reviewComments', 'unitYearDeadlines', 'unitYearReviewSettings', 'commentMarks',
  'monitoringRounds', 'monitoringReports', 'monitoringEntries', 'monitoringEvents', 'tableAdjustments',
  'libraryEntries', 'libraryGrams', 'libraryEntryUnits', 'libraryFacets', 'librarySources',
  'projectImports',
  'selfEvalRounds', 'selfEvals', 'selfEvalEvents',
] as const;

describe('row types', () => {
  it('are the same on SQLite and PostgreSQL', () => {
    type Same<K extends (typeof TABLES)[number]> = [(typeof sqlite)[K]['$inferSelect'], (typeof pg)[K]['$inferSelect']];
    expectTypeOf<Same<'projects'>[0]>().toEqualTypeOf<Same<'projects'>[1]>();
    expectTypeOf<Same<'indicators'>[0]>().toEqualTypeOf<Same<'indicators'>[1]>();
    expectTypeOf<Same<'checkpoints'>[0]>().toEqualTypeOf<Same<'checkpoints'>[1]>();
    expectTypeOf<Same<'units'>[0]>().toEqualTypeOf<Same<'units'>[1]>();
    expectTypeOf<Same<'unitYears'>[0]>().toEqualTypeOf<Same<'unitYears'>[1]>();
    expectTypeOf<Same<'users'>[0]>().toEqualTypeOf<Same<'users'>[1]>();
    expectTypeOf<Same<'memberships'>[0]>().toEqualTypeOf<Same<'memberships'>[1]>();
    expectTypeOf<Same<'sessions'>[0]>().toEqualTypeOf<Same<'sessions'>[1]>();
    expectTypeOf<Same<'loginAttempts'>[0]>().toEqualTypeOf<Same<'loginAttempts'>[1]>();
    expectTypeOf<Same<'knownDevices'>[0]>().toEqualTypeOf<Same<'knownDevices'>[1]>();
    expectTypeOf<Same<'auditLog'>[0]>().toEqualTypeOf<Same<'auditLog'>[1]>();
    expectTypeOf<Same<'frameworks'>[0]>().toEqualTypeOf<Same<'frameworks'>[1]>();
    expectTypeOf<Same<'frameworkCategories'>[0]>().toEqualTypeOf<Same<'frameworkCategories'>[1]>();
    expectTypeOf<Same<'reviewEvents'>[0]>().toEqualTypeOf<Same<'reviewEvents'>[1]>();
    expectTypeOf<Same<'reviewComments'>[0]>().toEqualTypeOf<Same<'reviewComments'>[1]>();
    expectTypeOf<Same<'monitoringRounds'>[0]>().toEqualTypeOf<Same<'monitoringRounds'>[1]>();
    expectTypeOf<Same<'monitoringReports'>[0]>().toEqualTypeOf<Same<'monitoringReports'>[1]>();
    expectTypeOf<Same<'monitoringEntries'>[0]>().toEqualTypeOf<Same<'monitoringEntries'>[1]>();
    expectTypeOf<Same<'monitoringEvents'>[0]>().toEqualTypeOf<Same<'monitoringEvents'>[1]>();
    expectTypeOf<Same<'tableAdjustments'>[0]>().toEqualTypeOf<Same<'tableAdjustments'>[1]>();
    expectTypeOf<Same<'selfEvalRounds'>[0]>().toEqualTypeOf<Same<'selfEvalRounds'>[1]>();
    expectTypeOf<Same<'selfEvals'>[0]>().toEqualTypeOf<Same<'selfEvals'>[1]>();
    expectTypeOf<Same<'selfEvalEvents'>[0]>().toEqualTypeOf<Same<'selfEvalEvents'>[1]>();
    expectTypeOf<(typeof sqlite)['monitoringReports']['$inferInsert']>().toEqualTypeOf<(typeof pg)['monitoringReports']['$inferInsert']>();
    expectTypeOf<Same<'libraryEntries'>[0]>().toEqualTypeOf<Same<'libraryEntries'>[1]>();
    expectTypeOf<Same<'libraryGrams'>[0]>().toEqualTypeOf<Same<'libraryGrams'>[1]>();
    expectTypeOf<Same<'libraryEntryUnits'>[0]>().toEqualTypeOf<Same<'libraryEntryUnits'>[1]>();
    expectTypeOf<Same<'libraryFacets'>[0]>().toEqualTypeOf<Same<'libraryFacets'>[1]>();
    expectTypeOf<Same<'librarySources'>[0]>().toEqualTypeOf<Same<'librarySources'>[1]>();
    expectTypeOf<Same<'unitYearDeadlines'>[0]>().toEqualTypeOf<Same<'unitYearDeadlines'>[1]>();
    expectTypeOf<Same<'unitYearReviewSettings'>[0]>().toEqualTypeOf<Same<'unitYearReviewSettings'>[1]>();
    expectTypeOf<Same<'commentMarks'>[0]>().toEqualTypeOf<Same<'commentMarks'>[1]>();
    expectTypeOf<Same<'projectImports'>[0]>().toEqualTypeOf<Same<'projectImports'>[1]>();
    expectTypeOf<(typeof sqlite)['projects']['$inferInsert']>().toEqualTypeOf<(typeof pg)['projects']['$inferInsert']>();
    expectTypeOf<(typeof sqlite)['indicators']['$inferInsert']>().toEqualTypeOf<(typeof pg)['indicators']['$inferInsert']>();
  });

  it.each(TABLES)('%s has the same table and column names on both engines', (name) => {
    expect(getTableName(sqlite[name])).toBe(getTableName(pg[name]));
    const columns = (t: object) => Object.entries(getTableColumns(t as never)).map(([k, c]) => `${k}:${(c as { name: string }).name}`).sort();
    expect(columns(sqlite[name])).toEqual(columns(pg[name]));
  });
});
