/**
 * exceljs's streaming workbook writer, with what it lacks for our exports: stable zip stamps, the
 * sheets' <printOptions>, and a view of the zip's backlog so a long export does not pile up sheets.
 * These reach into exceljs 4.4.0 / archiver 5 internals (the versions are pinned in package.json).
 */
import ExcelJS from 'exceljs';
import type { Backlog } from './pace';

/** The zip entries' time stamp: fixed, so the same data exports to the same bytes. */
const ZIP_ENTRY_DATE = new Date(Date.UTC(1980, 0, 1));

type ZipAppend = (source: unknown, data: { name: string; date?: Date }) => unknown;
type Zip = {
  append: ZipAppend;
  on(event: 'entry' | 'error', listener: () => void): void;
  off(event: 'entry' | 'error', listener: () => void): void;
  _entriesCount: number;
  _entriesProcessedCount: number;
};
type WriterInternals = { zip: Zip };

/**
 * archiver stamps every entry with the current time and has no option for it. exceljs's constructor
 * opens the archive and at once appends the theme, so the hook is that first append: from there on
 * every entry gets the fixed stamp (a restored backup is checked by exporting the same bytes).
 */
export class StableWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  override addThemes(): Promise<void> {
    const self = this as unknown as WriterInternals;
    const append = self.zip.append.bind(self.zip);
    self.zip.append = (source, data) => append(source, { ...data, date: ZIP_ENTRY_DATE });
    return super.addThemes();
  }

  /**
   * Each sheet is a zip entry that buffers its whole XML until archiver, which deflates one entry at a
   * time, reaches it. Waiting while more than `most` entries are pending keeps a long workbook's memory
   * flat; when the download is slow, archiver waits for it and so does the export.
   */
  backlog(most = 1): Backlog {
    const zip = (this as unknown as WriterInternals).zip;
    return {
      isFull: () => zip._entriesCount - zip._entriesProcessedCount > most,
      wait: () =>
        new Promise<void>((resolve) => {
          const done = () => {
            zip.off('entry', done);
            zip.off('error', done);
            resolve();
          };
          zip.on('entry', done);
          zip.on('error', done);
        }),
    };
  }
}

type SheetInternals = { _writePageMargins(): void; stream: { write(data: string): void } };

/**
 * exceljs takes `pageSetup.horizontalCentered` but only its in-memory writer writes <printOptions>; the
 * streaming one drops it. Written here, from the sheet's page set-up, just before <pageMargins> where
 * the schema puts it.
 */
export function writePrintOptions(ws: ExcelJS.Worksheet): void {
  const w = ws as unknown as SheetInternals;
  const margins = w._writePageMargins.bind(w);
  w._writePageMargins = () => {
    if (ws.pageSetup.horizontalCentered) w.stream.write('<printOptions horizontalCentered="1"/>');
    margins();
  };
}
