/**
 * A provisioning sheet (XLSX or CSV) as rows of text cells with their row numbers as the file shows
 * them, so every error can name its row. XLSX goes through the guarded reader (zip-bomb limits).
 */
import { decodeText } from '@/lib/http/body';
import { readXlsx } from '@/lib/format/layouts/read-xlsx';

export type SheetRow = { row: number; cells: string[] };

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** RFC 4180 with the liberties spreadsheets take: `,` `;` or tab as the separator, CRLF or LF. */
export function parseCsv(text: string): SheetRow[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = [',', '\t', ';', '，'].reduce((best, s) => (firstLine.split(s).length > firstLine.split(best).length ? s : best), ',');
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowStart = 1;
  let inQuotes = false;
  const endRow = () => {
    cells.push(cell.trim());
    if (cells.some((c) => c !== '')) rows.push({ row: rowStart, cells });
    cells = [];
    cell = '';
    rowStart = line;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      inQuotes = true;
      cell = '';
    } else if (ch === sep) {
      cells.push(cell.trim());
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      endRow();
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}

/** The first sheet of an XLSX, or the CSV text; a file neither refuses with a Chinese message. */
export async function readSheetRows(bytes: Uint8Array): Promise<SheetRow[]> {
  if (isZip(bytes)) {
    const grids = await readXlsx(bytes);
    return (grids[0]?.rows ?? []).map((r, i) => ({ row: r.line ?? i + 1, cells: r.cells.map((c) => c.trim()) }));
  }
  return parseCsv(decodeText(bytes));
}

/**
 * The column of each wanted field, found by any of its header names in the first row. Returns the
 * indexes, or the names of the required columns that are missing.
 */
export function columnsOf<K extends string>(
  header: readonly string[],
  wanted: Record<K, { names: readonly string[]; isRequired: boolean }>,
): { columns: Record<K, number>; missing: string[] } {
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  const columns = {} as Record<K, number>;
  const missing: string[] = [];
  for (const key of Object.keys(wanted) as K[]) {
    const w = wanted[key];
    columns[key] = header.findIndex((h) => w.names.some((n) => norm(h) === norm(n)));
    if (columns[key] < 0 && w.isRequired) missing.push(w.names[0]!);
  }
  return { columns, missing };
}
