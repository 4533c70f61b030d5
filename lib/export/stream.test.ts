/**
 * Long exports on a server: other work runs while they are written, a reader that does not read holds
 * them back (nothing piles up in memory), and a reader that goes away stops them.
 */
import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { summaryOf, type ExportSection, type ExportTable } from './model';
import { ExportAborted } from './pace';
import { writePdf } from './pdf';
import { referenceSection } from './testing';
import { writeXlsx } from './xlsx';

const WRITERS = { xlsx: writeXlsx, pdf: writePdf } as const;

/** `n` tables read lazily, as from the database, counting how many the writer has asked for. */
function lazySection(n: number): { section: ExportSection; pulled: () => number } {
  const base = referenceSection().tables;
  const all: ExportTable[] = Array.from({ length: n }, (_, i) => ({ ...base[i % base.length]!, number: i + 1 }));
  let pulled = 0;
  const tables: AsyncIterable<ExportTable> = {
    async *[Symbol.asyncIterator]() {
      for (const t of all) {
        pulled++;
        yield t;
      }
    },
  };
  return { section: { ...referenceSection(), tables, summaries: all.map(summaryOf) }, pulled: () => pulled };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(Object.entries(WRITERS))('%s export', (_format, write) => {
  it('lets other work run while a long section is written', async () => {
    const { section } = lazySection(150);
    const out = new PassThrough();
    const read = buffer(out);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const started = performance.now();
    await write(section, out);
    const took = performance.now() - started;
    clearInterval(timer);
    await read;
    // A timer due every millisecond gets a turn at least every few slices of the export.
    expect(ticks).toBeGreaterThan(took / 100);
  });

  it('waits for a reader that does not read instead of buffering the document', async () => {
    const { section, pulled } = lazySection(300);
    const out = new PassThrough();
    let isDone = false;
    const writing = write(section, out).then(() => (isDone = true));
    await sleep(1500);
    expect(isDone).toBe(false);
    expect(pulled()).toBeLessThan(60);
    const bytes = await buffer(out);
    await writing;
    expect(pulled()).toBe(300);
    expect(bytes.length).toBeGreaterThan(100_000);
  });

  it('stops when the reader goes away', async () => {
    const { section, pulled } = lazySection(300);
    const out = new PassThrough();
    out.once('data', () => out.destroy());
    out.resume();
    await expect(write(section, out)).rejects.toBeInstanceOf(ExportAborted);
    const at = pulled();
    await sleep(200);
    expect(pulled()).toBe(at);
    expect(at).toBeLessThan(300);
  });
});
