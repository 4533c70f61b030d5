/**
 * A department's document (issue 18 item 3): the approved tables of every unit of its subtree for one
 * year, in one XLSX or PDF in the published layout, each unit's section headed by the unit (its 项目清单
 * and the unit on every page). Units without an approved table that year are left out.
 */
import { PassThrough, Readable } from 'node:stream';
import { z } from 'zod';
import { listRollupCells, listSubtreeYears } from '@/db/queries/departments';
import { getUnit } from '@/db/queries/units';
import type { UnitRow } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import type { ExportSection } from '@/lib/export/model';
import { writePdfSections } from '@/lib/export/pdf';
import { writeXlsxSections } from '@/lib/export/xlsx';
import { exportData } from '@/lib/projects/export';
import { sectionById } from '@/lib/projects/section';

export const departmentDocumentQuery = z.object({
  format: z.enum(['xlsx', 'pdf'], { error: '格式应为 xlsx 或 pdf' }).default('xlsx'),
  year: z.coerce.number({ error: '年度无效' }).int().min(2000).max(2100).optional(),
});

export type DepartmentDocument = { unit: UnitRow; year: number; sections: ExportSection[]; tables: number };

/** Null when the unit does not exist or the actor may not export it (a role on it covers its subtree). */
export async function departmentDocument(actor: Actor, unitId: number, year: number | undefined): Promise<DepartmentDocument | null> {
  const unit = await getUnit(unitId);
  if (!unit || !can(actor, 'project.export', unit.id)) return null;
  const chosen = year ?? (await listSubtreeYears(unit.id))[0];
  if (chosen === undefined) return { unit, year: new Date().getFullYear(), sections: [], tables: 0 };
  const unitYearIds = [...new Set((await listRollupCells(unit.id, chosen)).map((c) => c.unitYearId))];
  const sections: ExportSection[] = [];
  let tables = 0;
  for (const id of unitYearIds) {
    const section = await sectionById(id, { includeDrafts: false });
    if (!section || section.entries.length === 0) continue;
    tables += section.entries.length;
    sections.push(exportData(section, { includeCover: true }));
  }
  return { unit, year: chosen, sections, tables };
}

export function departmentFilename(d: DepartmentDocument, format: 'xlsx' | 'pdf'): string {
  return `${d.unit.code}-${d.unit.name}${d.year}年度项目绩效目标表（各单位已审核）.${format}`;
}

/** The document as a stream: tables are read as they are written. */
export function departmentBody(d: DepartmentDocument, format: 'xlsx' | 'pdf'): Readable {
  const out = new PassThrough();
  const write = format === 'xlsx' ? writeXlsxSections(d.sections, out) : writePdfSections(`${d.unit.name}${d.year}年度项目绩效目标表`, d.sections, out);
  write.catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
