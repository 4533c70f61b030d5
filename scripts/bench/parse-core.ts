/** Parse timings in process: the reference warm, and throughput on it repeated 100 times. */
import fs from 'node:fs';
import { parsePublished } from '@/lib/format/published/parse';
import { percentile, time, type Timing } from './stats';

const REFERENCE = 'lib/demo/reference-441001-2024.txt';

export async function parseBench(quick: boolean): Promise<{ warm: Timing; mbPerSecond: number; bytes: number }> {
  const text = fs.readFileSync(REFERENCE, 'utf8');
  const warm = await time(quick ? 100 : 300, () => parsePublished(text), 20);
  const big = Array.from({ length: 100 }, () => text).join('\n');
  const bytes = Buffer.byteLength(big);
  const samples: number[] = [];
  for (let i = 0; i < (quick ? 3 : 7); i++) {
    const t = performance.now();
    parsePublished(big);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { warm, bytes, mbPerSecond: bytes / 1024 / 1024 / (percentile(samples, 50) / 1000) };
}
