/**
 * Reading an uploaded file for the import, with the corrections the preview collected: each column's
 * meaning and the amount unit (re-run by the recogniser), and a project code for each table printed
 * without one. The preview and the apply request both come here with the same bytes and corrections,
 * so what is imported is exactly what the preview showed.
 */
import { z } from 'zod';
import { COLUMN_MEANINGS } from '@/lib/format/layouts/columns';
import { readDocument, DOCUMENT_FORMATS, type DocumentFormat } from '@/lib/format/layouts/read-document';
import { MISSING_CODE } from '@/lib/format/layouts/recognise';
import type { Overrides, TableRecognition } from '@/lib/format/layouts/types';
import type { ParsedTable, PublishedDocument } from '@/lib/format/published/types';
import { LIMITS } from '@/lib/domain/limits';

/** A table index as a JSON key: `"0"`…`"999"`. */
const tableKey = z.string().regex(/^\d{1,3}$/, '表的序号无效');

const columnOverrides = z.record(z.string().regex(/^\d{1,3}$/, '列号无效'), z.enum(COLUMN_MEANINGS, { error: '列的含义无效' }));

/** The corrections of one upload, keyed by the recognised table's index (`TableRecognition.index`). */
export const correctionsSchema = z
  .object({
    overrides: z.record(tableKey, z.object({ columns: columnOverrides.optional(), amountUnit: z.enum(['元', '万元'], { error: '金额单位须为元或万元' }).optional() }).strict()).default({}),
    codes: z
      .record(
        tableKey,
        z
          .string()
          .trim()
          .min(1, '请填写项目编码')
          .max(LIMITS.codeLength, `项目编码不能超过 ${LIMITS.codeLength} 个字符`)
          .regex(/^[0-9A-Za-z-]+$/, '项目编码只能包含字母、数字和连字符'),
      )
      .default({}),
  })
  .strict();

export type Corrections = z.output<typeof correctionsSchema>;

export type ImportReadOptions = { fileName?: string | undefined; format?: DocumentFormat | undefined; corrections?: Corrections | undefined };

/**
 * What the preview shows beside the plan: how the file was read, table by table, and the tables as they
 * will be stored (codes given included), so the grid the user confirms is the one imported.
 */
export type ImportReading = { format: DocumentFormat; recognitions: TableRecognition[]; tables: ParsedTable[] };

export const IMPORT_FORMATS = DOCUMENT_FORMATS;

function overridesOf(c: Corrections | undefined): Overrides {
  const out: Overrides = {};
  for (const [table, o] of Object.entries(c?.overrides ?? {})) {
    const columns = o.columns ? Object.fromEntries(Object.entries(o.columns).map(([k, v]) => [Number(k), v])) : undefined;
    out[Number(table)] = { ...(columns ? { columns } : {}), ...(o.amountUnit ? { amountUnit: o.amountUnit } : {}) };
  }
  return out;
}

/**
 * The document with the given codes put on tables printed without one; the "no code" problem of such a
 * table goes with it. A code given for a table that has its own is not used: the printed one stands.
 */
export function withCodes(doc: PublishedDocument, codes: Corrections['codes']): PublishedDocument {
  const given = new Map(Object.entries(codes).map(([k, v]) => [Number(k) + 1, v]));
  const coded = new Set<number>();
  const projects = doc.projects.map((p) => {
    const code = given.get(p.source.number);
    if (p.code !== '' || !code) return p;
    coded.add(p.source.number);
    return { ...p, code };
  });
  const problems = doc.problems.filter((x) => !(x.tableNumber !== undefined && coded.has(x.tableNumber) && x.message.endsWith(MISSING_CODE)));
  return { ...doc, projects, problems };
}

export async function readForImport(bytes: Uint8Array, opts: ImportReadOptions = {}): Promise<{ doc: PublishedDocument; reading: ImportReading }> {
  const read = await readDocument(bytes, {
    ...(opts.fileName ? { fileName: opts.fileName } : {}),
    ...(opts.format ? { format: opts.format } : {}),
    overrides: overridesOf(opts.corrections),
  });
  const { format, recognitions, ...rest } = read;
  const doc = withCodes(rest, opts.corrections?.codes ?? {});
  // The disclosure layout has fixed columns and no recognitions: its tables are listed by the plan alone.
  return { doc, reading: { format, recognitions, tables: recognitions.length > 0 ? doc.projects : [] } };
}
