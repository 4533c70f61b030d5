/**
 * The in-process XLSX ratio alone (the issue-8 target, `exportBench`'s first figure) without the PDF and
 * large-section parts, for profiling: `node --cpu-prof --import tsx scripts/bench/xlsx-ratio.ts`.
 * `--runs N` (default 60); `--only ours|floor` times one side only, so a profile holds just that side.
 */
import fs from 'node:fs';
import { renderXlsx } from '@/lib/export/xlsx';
import { parsePublished } from '@/lib/format/published/parse';
import { floorCells, rawExcel } from './export-core';
import { ms } from './stats';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};

async function main(): Promise<void> {
  const runs = Number(arg('--runs') ?? 60);
  const only = arg('--only');
  const tables = parsePublished(fs.readFileSync('lib/demo/reference-441001-2024.txt', 'utf8')).projects;
  const cells = floorCells(tables);
  const section = {
    unit: { code: '441001', name: '承德市人力资源和社会保障局本级' },
    year: 2024,
    projectExpenditure: '3447.87',
    tables: tables.map((table, i) => ({ number: i + 1, table, isDraft: false })),
    includeCover: false,
    asOf: new Date(Date.UTC(2024, 0, 15)),
  };
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs + 10; i++) {
    let t = performance.now();
    if (only !== 'floor') await renderXlsx(section);
    if (i >= 10) a.push(performance.now() - t);
    t = performance.now();
    if (only !== 'ours') await rawExcel(cells);
    if (i >= 10) b.push(performance.now() - t);
  }
  const p50 = (s: number[]) => [...s].sort((x, y) => x - y)[Math.floor(s.length / 2)]!;
  console.log(`ours p50 ${ms(p50(a))}, floor p50 ${ms(p50(b))}, ratio ${(p50(a) / p50(b)).toFixed(3)}×`);
}

void main();
