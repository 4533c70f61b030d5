import fs from 'node:fs';
import { percentile } from './stats';

/** Sequential GET timing against the running server (what one user waits for a page). */
export async function timeGets(url: string, cookie: string, runs: number, warmup = 5): Promise<{ p50: number; p95: number; status: number }> {
  let status = 0;
  const get = async () => {
    const res = await fetch(url, { headers: { cookie }, redirect: 'manual' });
    status = res.status;
    await res.arrayBuffer();
  };
  for (let i = 0; i < warmup; i++) await get();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await get();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), status };
}

export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}
