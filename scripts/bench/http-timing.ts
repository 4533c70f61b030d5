import fs from 'node:fs';
import { percentile } from './stats';

/**
 * What a timed page must show to count: status 200 and every marker in its body. A redirect to /login,
 * an error page or an empty list would otherwise be timed as a fast page.
 */
export type PageCheck = { markers: (string | RegExp)[]; check?: (body: string) => string | null };

export class PageCheckFailed extends Error {}

export function checkPage(url: string, status: number, body: string, expect: PageCheck): void {
  const problems: string[] = [];
  if (status !== 200) problems.push(`status ${status}`);
  for (const m of expect.markers) if (typeof m === 'string' ? !body.includes(m) : !m.test(body)) problems.push(`no ${String(m)} in the body`);
  const extra = expect.check?.(body);
  if (extra) problems.push(extra);
  if (problems.length > 0) throw new PageCheckFailed(`GET ${url}: ${problems.join('; ')}\n${body.slice(0, 300)}`);
}

/** Sequential GET timing against the running server (what one user waits for a page); every reply checked. */
export async function timeGets(url: string, cookie: string, runs: number, expect: PageCheck, warmup = 5): Promise<{ p50: number; p95: number; runs: number; bytes: number }> {
  let bytes = 0;
  const get = async () => {
    const res = await fetch(url, { headers: { cookie }, redirect: 'manual' });
    const body = await res.text();
    checkPage(url, res.status, body, expect);
    bytes = Buffer.byteLength(body);
  };
  for (let i = 0; i < warmup; i++) await get();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await get();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), runs, bytes };
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** Resident memory of a process now, in MB. */
export function rssMb(pid: number): number {
  return statusKb(pid, 'VmRSS');
}

/** The kernel's high-water mark of a process's resident memory (its true peak, not a sample), in MB. */
export function peakRssMb(pid: number): number {
  return statusKb(pid, 'VmHWM');
}

/** Resets the high-water mark to the current RSS (Linux `clear_refs` 5), to measure one step's peak. */
export function resetPeakRss(pid: number): void {
  fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
}
