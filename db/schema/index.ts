/**
 * The tables of the engine this process runs on. Both engines' schemas have the same row types
 * (db/schema/row-types.test.ts proves it); queries are written once against the PostgreSQL builder
 * types, which offer only what both engines answer to (await, no synchronous .get()/.all()).
 */
import { engine } from '../engine';
import * as pg from './pg';
import * as sqlite from './sqlite';

const chosen = (engine() === 'postgres' ? pg : sqlite) as unknown as typeof pg;

export const {
  auditLog,
  frameworks,
  frameworkCategories,
  units,
  unitYears,
  users,
  memberships,
  sessions,
  loginAttempts,
  knownDevices,
  projects,
  checkpoints,
  indicators,
  reviewEvents,
  reviewComments,
  monitoringRounds,
  monitoringReports,
  monitoringEntries,
  monitoringEvents,
  tableAdjustments,
  libraryEntries,
  libraryGrams,
  libraryEntryUnits,
  libraryFacets,
  librarySources,
  unitYearDeadlines,
  unitYearReviewSettings,
  commentMarks,
  projectImports,
  selfEvalRounds,
  selfEvals,
  selfEvalEvents,
} = chosen;

export const tables = chosen;

export type {
  AuditRow,
  FrameworkRow,
  FrameworkCategoryRow,
  UnitRow,
  UnitYearRow,
  UserRow,
  MembershipRow,
  SessionRow,
  KnownDeviceRow,
  ProjectRow,
  CheckpointRow,
  IndicatorDbRow,
  ReviewEventRow,
  ReviewCommentRow,
  MonitoringRoundRow,
  MonitoringReportRow,
  MonitoringEntryRow,
  MonitoringEventRow,
  TableAdjustmentRow,
  LibraryEntryRow,
  LibraryFacetRow,
  UnitYearDeadlineRow,
  UnitYearReviewSettingRow,
  CommentMarkRow,
  ProjectImportRow,
  SelfEvalRoundRow,
  SelfEvalRow,
  SelfEvalEventRow,
} from './pg';
export * from './enums';
