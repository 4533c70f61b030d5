/**
 * exceljs's workbook writers, with what they lack for our exports: stable zip stamps (both writers),
 * and for the streaming one the sheets' <printOptions> and a view of the zip's backlog so a long export
 * does not pile up sheets. These reach into exceljs 4.4.0 / archiver 5 / jszip 3 internals (the
 * versions are pinned in package.json).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Backlog } from './pace';

/** The zip entries' time stamp: fixed, so the same data exports to the same bytes. */
const ZIP_ENTRY_DATE = new Date(Date.UTC(1980, 0, 1));

/**
 * The in-memory writer zips with jszip, which stamps an entry with `defaults.date`, else the current
 * time. The defaults object set is the one of exceljs's own jszip (resolved from exceljs: a copy loaded
 * some other way, by a bundler or a test runner, would not be the one exceljs reads).
 */
function stampJszipEntries(): void {
  const fromApp = createRequire(path.join(process.cwd(), 'package.json'));
  const defaults = createRequire(fromApp.resolve('exceljs'))('jszip/lib/defaults') as { date: Date | null };
  defaults.date = ZIP_ENTRY_DATE;
}

/** exceljs's in-memory workbook, whose zip entries carry the fixed stamp. */
export function stableWorkbook(): ExcelJS.Workbook {
  stampJszipEntries();
  return new ExcelJS.Workbook();
}

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
   * flat; when the download is slow, archiver waits for it and so does the export. Deflating keeps up
   * with writing, so the window is seldom full; waiting after every sheet instead (a window of 1) made
   * the writer wait on each sheet's deflate and took a 23-table export from about 25 to 37 ms.
   */
  backlog(most = 32): Backlog {
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
