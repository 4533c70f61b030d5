/**
 * The real export path in one process, as the download route runs it: load a unit-year's section from
 * the database, export it to a sink, and print what a server would feel — RSS before, after loading and
 * at its peak, and the longest the event loop was held (other users' requests wait at most that long).
 *
 *   DATABASE_PATH=/tmp/x/app.db npx tsx scripts/export-check/memory.ts --unit 900001 --year 2024 --format pdf [--all] [--cover] [--slow]
 *
 * `--slow` drains the output at about 1 MB/s, like a slow client, to show the export does not pile up
 * unsent bytes in memory. Prints one JSON line.
 */
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

async function main(): Promise<void> {
  const { exportFormatSchema, exportSection } = await import('@/lib/projects/export');
  const { sectionByCode } = await import('@/lib/projects/section');
  const format = exportFormatSchema.parse(arg('format') ?? 'xlsx');
  const isSlow = process.argv.includes('--slow');
  const opts = { includeDrafts: process.argv.includes('--all') };
  // Warm up as a server that has served before: modules, prepared statements, the parsed font.
  const first = (await sectionByCode(arg('unit') ?? '', Number(arg('year')), opts))?.entries[0];
  const one = first && (await sectionByCode(arg('unit') ?? '', Number(arg('year')), { ...opts, projectCode: first.code }));
  if (one) await pipeline(exportSection(one, format, { includeCover: false }).body, new Writable({ write: (_c, _e, cb) => cb() }));
  const rssBase = process.memoryUsage.rss();
  let peak = process.memoryUsage();
  // A 1 ms heartbeat: the longest gap between its beats is the longest any other request would wait.
  let last = performance.now();
  let maxGap = 0;
  // [start, length] in ms of every hold over 100 ms, to find what blocks.
  const blocks: [number, number][] = [];
  let t0 = performance.now();
  const sampler = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    if (now - last > 100) blocks.push([Math.round(last - t0), Math.round(now - last)]);
    last = now;
    const m = process.memoryUsage();
    if (m.rss > peak.rss) peak = m;
  }, 1);
  t0 = performance.now();
  last = t0;
  const section = await sectionByCode(arg('unit') ?? '', Number(arg('year')), opts);
  if (!section) throw new Error('没有找到该单位年度');
  const rssLoaded = process.memoryUsage.rss();
  const loadMs = performance.now() - t0;
  let bytes = 0;
  const sink = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      if (isSlow) setTimeout(cb, Math.ceil(chunk.length / 1024 / 1024 * 1000));
      else cb();
    },
  });
  const doc = exportSection(section, format, { includeCover: process.argv.includes('--cover') });
  const firstByte = new Promise<number>((resolve) => doc.body.once('data', () => resolve(performance.now() - t0)));
  await pipeline(doc.body, sink);
  const totalMs = performance.now() - t0;
  // One more beat, so a synchronous tail is counted too.
  await new Promise((resolve) => setTimeout(resolve, 2));
  clearInterval(sampler);
  console.log(
    JSON.stringify({
      format,
      tables: section.entries.length,
      bytes,
      loadMs: Math.round(loadMs),
      firstByteMs: Math.round(await firstByte),
      totalMs: Math.round(totalMs),
      rssBaseMb: mb(rssBase),
      rssLoadedMb: mb(rssLoaded),
      rssPeakMb: mb(peak.rss),
      heapAtPeakMb: mb(peak.heapUsed),
      externalAtPeakMb: mb(peak.external),
      longestEventLoopBlockMs: Math.round(maxGap),
      ...(process.argv.includes('--blocks') ? { blocks } : {}),
    }),
  );
}

void main();
