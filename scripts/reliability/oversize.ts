/**
 * Oversize input must be refused with the app's own clear Chinese message before it touches the
 * database: a 10 MB text field in ASCII and in Chinese (10 M characters, about 30 MB of UTF-8), 10,000
 * indicator rows, a 100 MB upload. The server's peak memory while refusing the largest one is read
 * from the kernel (its high-water mark, reset just before).
 */
import http from 'node:http';
import { peakRssMb, resetPeakRss, rssMb } from '../bench/http-timing';
import { Client, outcome } from './http';
import { scriptTable } from './fixtures';

export type OversizeReport = { cases: number; refused: number; peakMb: number; rssBeforeMb: number; failures: string[] };

const MB = 1024 * 1024;

export async function oversizeInput(opts: { base: string; ids: Map<string, string>; projectId: number; serverPid: number }): Promise<OversizeReport> {
  const owner = new Client(opts.base, opts.ids);
  await owner.signIn('owner', 'Bianzhi2024');
  const versionNow = async () => ((await owner.get(`/api/projects/${opts.projectId}`)).json as { project: { version: number } }).project.version;
  const version = await versionNow();
  const table = scriptTable('13080024PFUZZ00000000');
  const report: OversizeReport = { cases: 0, refused: 0, peakMb: 0, rssBeforeMb: 0, failures: [] };
  const cases: { label: string; input: unknown; says: string }[] = [
    // First, so the memory figure is this request's alone.
    { label: '1000 万个汉字的资金用途（约 30 MB）', input: { ...table, purpose: '资'.repeat(10 * MB) }, says: '资金用途' },
    { label: '10 MB 英文字符的资金用途', input: { ...table, purpose: 'x'.repeat(10 * MB) }, says: '资金用途' },
    { label: '10,000 行指标', input: { ...table, indicators: Array.from({ length: 10_000 }, () => table.indicators[0]) }, says: '行指标' },
  ];
  for (const c of cases) {
    report.cases++;
    const isChinese = c.label.includes('汉字');
    if (isChinese) {
      report.rssBeforeMb = rssMb(opts.serverPid);
      resetPeakRss(opts.serverPid);
    }
    const reply = await owner.action('saveTableAction', [{ projectId: opts.projectId, version, table: c.input }]);
    if (isChinese) report.peakMb = peakRssMb(opts.serverPid);
    const o = outcome(reply);
    const message = (reply.result as { message?: string } | null)?.message ?? '';
    // Refused by the action's schema (it names the field), or before parsing by our server's size check
    // (lib/http/action-body.mjs: a 413 that states the limits).
    const early = reply.status === 413 ? ((JSON.parse(reply.raw || '{}') as { message?: string }).message ?? '') : '';
    if ((o.code === 'invalid' && message.includes(c.says)) || (early.includes('过大') && early.includes('资金用途'))) report.refused++;
    else report.failures.push(`${c.label} → ${reply.status} ${o.code ?? ''} ${message || reply.raw.slice(0, 120)}`);
  }
  report.cases++;
  const upload = await postLarge(`${opts.base}/api/import?mode=preview`, owner.sessionCookie, 100 * MB);
  const uploadMessage = (() => {
    try {
      return (JSON.parse(upload?.body ?? '{}') as { message?: string }).message ?? '';
    } catch {
      return '';
    }
  })();
  if (upload?.status === 413 && /[\u4e00-\u9fff]/.test(uploadMessage)) report.refused++;
  else report.failures.push(`100 MB 上传 → ${upload?.status ?? '没有回复'} ${uploadMessage}`);
  const after = await versionNow();
  if (after !== version) report.failures.push(`超大输入改动了表：版本 ${version} → ${after}`);
  return report;
}

/**
 * Uploads `bytes` zero bytes without Content-Length (chunked), as a client streaming a file would, and
 * returns the reply even when the server answers and closes before the upload ends.
 */
function postLarge(url: string, cookie: string, bytes: number): Promise<{ status: number; body: string } | null> {
  return new Promise((resolve) => {
    let reply: { status: number; body: string } | null = null;
    const req = http.request(url, { method: 'POST', headers: { cookie, 'content-type': 'text/plain', 'x-requested-with': 'fetch' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (body += d));
      res.on('end', () => {
        reply = { status: res.statusCode ?? 0, body };
        resolve(reply);
      });
    });
    // The server may close the connection as soon as it has refused: a write error then is expected.
    req.on('error', () => setTimeout(() => resolve(reply), 200));
    const chunk = Buffer.alloc(MB);
    let sent = 0;
    const pump = () => {
      while (sent < bytes) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}
