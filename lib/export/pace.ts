/**
 * Pacing a long export on a server: hand the event loop back to other requests every few milliseconds,
 * wait for a slow reader instead of buffering the document for it, and stop once the reader has gone.
 */

/** The download was closed before the document was finished: the export stops, nothing is lost. */
export class ExportAborted extends Error {
  constructor() {
    super('导出已中止：下载连接已关闭');
    this.name = 'ExportAborted';
  }
}

/** How long an export may hold the event loop before other requests get their turn. */
export const SLICE_MS = 15;

/** Output the export has produced but the writer below it has not yet passed on. */
export type Backlog = { isFull(): boolean; wait(): Promise<void> };

type Out = NodeJS.WritableStream & { writableNeedDrain?: boolean; destroyed?: boolean };

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

function closed(out: Out): Promise<void> {
  return new Promise((resolve) => {
    out.once('close', resolve);
    out.once('error', () => resolve());
  });
}

function drained(out: Out): Promise<void> {
  return new Promise((resolve) => out.once('drain', resolve));
}

/** Returns the function an exporter awaits between pieces of work (a table, a page, a few rows). */
export function pacer(out: Out, backlog?: Backlog): () => Promise<void> {
  let sliceStart = performance.now();
  const gone = closed(out);
  const isGone = () => out.destroyed === true;
  const isBacked = () => out.writableNeedDrain === true || backlog?.isFull() === true;
  return async () => {
    if (isGone()) throw new ExportAborted();
    if (!isBacked() && performance.now() - sliceStart < SLICE_MS) return;
    await turn();
    while (isBacked() && !isGone()) await Promise.race([out.writableNeedDrain ? drained(out) : backlog!.wait(), gone]);
    if (isGone()) throw new ExportAborted();
    sliceStart = performance.now();
  };
}
