/** One large export in a fresh process, so its peak memory is its own: prints {"ms", "peakRssMb"}. */
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { writePdf } from '@/lib/export/pdf';
import { writeXlsx } from '@/lib/export/xlsx';
import { parsePublished } from '@/lib/format/published/parse';

async function main(): Promise<void> {
  const n = Number(process.argv[process.argv.indexOf('--tables') + 1]);
  const format = process.argv[process.argv.indexOf('--format') + 1];
  const doc = parsePublished(fs.readFileSync('lib/demo/reference-441001-2024.txt', 'utf8'));
  const tables = Array.from({ length: n }, (_, i) => ({ number: i + 1, table: { ...doc.projects[i % doc.projects.length]!, code: `X${i}` }, isDraft: false }));
  const section = { unit: doc.unit!, year: 2024, projectExpenditure: null, tables, includeCover: true, asOf: new Date(Date.UTC(2024, 0, 15)) };
  let bytes = 0;
  // Streamed to a counting sink, as the download route streams to the client.
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      cb();
    },
  });
  const t = performance.now();
  if (format === 'pdf') await writePdf(section, sink);
  else await writeXlsx(section, sink);
  const ms = performance.now() - t;
  console.log(JSON.stringify({ ms, bytes, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
}

void main();
