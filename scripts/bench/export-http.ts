/**
 * The real export path: the unit-year download route over HTTP on the running server (load from the
 * database, render, stream), beside the exceljs floor writing the same cells in this process. Each
 * reply is checked (see `checkDocument`), so an error page or an empty document is never timed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { fromInterchange } from '@/lib/format/published/interchange';
import type { TargetTable } from '@/lib/domain/table';
import type { Client } from '../reliability/http';
import { floorCells, rawExcel } from './export-core';
import { peakRssMb, resetPeakRss, rssMb } from './http-timing';
import { percentile, type Timing } from './stats';

export type FormatFigure = { runs: number; p50: number; p95: number; bytes: number; peakRssMb: number; rssBeforeMb: number };
export type HttpExportFigure = { tables: number; xlsx: FormatFigure; pdf: FormatFigure; floor: Timing };

function timing(samples: number[]): Timing {
  const s = [...samples].sort((x, y) => x - y);
  return { runs: s.length, p50: percentile(s, 50), p95: percentile(s, 95), min: s[0]!, max: s.at(-1)! };
}

async function sectionTables(client: Client, unitYearId: number): Promise<TargetTable[]> {
  const res = await client.fetch(`/api/unit-years/${unitYearId}/export?format=json&all=1`);
  if (res.status !== 200) throw new Error(`JSON export of unit-year ${unitYearId} → ${res.status}: ${(await res.text()).slice(0, 200)}`);
  const parsed = fromInterchange(await res.json());
  if (!parsed.ok) throw new Error(`JSON export of unit-year ${unitYearId} does not read back: ${parsed.problems[0]?.message}`);
  return parsed.doc.projects;
}

/**
 * The first reply is read in full: one worksheet per table, or every table's code in the PDF's text
 * (pdftotext). Later replies must be the same document again: status 200, the type, the same length.
 */
async function checkDocument(format: 'xlsx' | 'pdf', res: Response, codes: readonly string[], first: { bytes: number } | null): Promise<number> {
  const body = Buffer.from(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  const problem = (m: string) => new Error(`${format} export of ${codes.length} tables: ${m} (status ${res.status}, ${type}, ${body.subarray(0, 80).toString('utf8')})`);
  if (res.status !== 200) throw problem('not 200');
  if (!type.includes(format === 'xlsx' ? 'spreadsheetml' : 'application/pdf')) throw problem('wrong content type');
  if (first) {
    if (body.byteLength !== first.bytes) throw problem(`${body.byteLength} bytes, the first reply had ${first.bytes}`);
    return body.byteLength;
  }
  if (format === 'xlsx') {
    const zip = await JSZip.loadAsync(body);
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)).length;
    if (sheets < codes.length) throw problem(`${sheets} worksheets`);
  } else {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-bench-pdf-')), 'export.pdf');
    fs.writeFileSync(file, body);
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 1024 ** 3 }).replace(/\s+/g, '');
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    const absent = codes.filter((c) => !text.includes(c));
    if (absent.length > 0) throw problem(`${absent.length} tables missing from the text, e.g. ${absent[0]}`);
  }
  return body.byteLength;
}

async function timeFormat(client: Client, pid: number, unitYearId: number, codes: readonly string[], format: 'xlsx' | 'pdf', runs: number, warmup: number): Promise<FormatFigure> {
  const url = `/api/unit-years/${unitYearId}/export?format=${format}&all=1`;
  const first = { bytes: await checkDocument(format, await client.fetch(url), codes, null) };
  for (let i = 0; i < warmup; i++) await checkDocument(format, await client.fetch(url), codes, first);
  const rssBeforeMb = rssMb(pid);
  resetPeakRss(pid);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await checkDocument(format, await client.fetch(url), codes, first);
    samples.push(performance.now() - t);
  }
  const t = timing(samples);
  return { runs, p50: t.p50, p95: t.p95, bytes: first.bytes, peakRssMb: peakRssMb(pid), rssBeforeMb };
}

/**
 * One unit-year exported over HTTP in both formats. `pid` is the server's: its peak memory during each
 * format's runs is read from the kernel (the high-water mark is reset first). The caller keeps the
 * server's lifetime peak before this resets it.
 */
export async function httpExport(opts: { client: Client; pid: number; unitYearId: number; tables: number; runs: number; warmup: number }): Promise<HttpExportFigure> {
  const tables = await sectionTables(opts.client, opts.unitYearId);
  if (tables.length !== opts.tables) throw new Error(`unit-year ${opts.unitYearId} has ${tables.length} tables, expected ${opts.tables}`);
  const cells = floorCells(tables);
  const floorSamples: number[] = [];
  for (let i = 0; i < opts.warmup; i++) await rawExcel(cells);
  for (let i = 0; i < opts.runs; i++) {
    const t = performance.now();
    await rawExcel(cells);
    floorSamples.push(performance.now() - t);
  }
  const codes = tables.map((t) => t.code);
  const xlsx = await timeFormat(opts.client, opts.pid, opts.unitYearId, codes, 'xlsx', opts.runs, opts.warmup);
  const pdf = await timeFormat(opts.client, opts.pid, opts.unitYearId, codes, 'pdf', opts.runs, opts.warmup);
  return { tables: opts.tables, xlsx, pdf, floor: timing(floorSamples) };
}
