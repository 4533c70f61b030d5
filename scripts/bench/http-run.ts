/**
 * Everything over HTTP on one database (a SQLite file or a postgres:// URL): the list as the database
 * grows to 1,000, 10,000 and 100,000 projects; on the 100,000-project server the exports, the save load
 * and the editor page; then, when asked (PostgreSQL's full run), the list once more at 1,000,000.
 */
import { createMember, demoUnitYearId, scriptTable } from '../reliability/fixtures';
import { Client, outcome } from '../reliability/http';
import { startServer, stopServer, type Server } from '../reliability/server';
import { httpExport, type HttpExportFigure } from './export-http';
import { peakRssMb, rssMb, timeGets } from './http-timing';
import { monitoringPages, seedMonitoringStep, type MonitoringData, type MonitoringResults } from './monitoring-http';
import { saveLoad, savePool, type LoadResult } from './save';
import { growTo, ORDINARY_PER_UNIT, timeList, unitYearOf, unitYears, type ListFigure, type UnitYearRef } from './scale';

const SIZES = [1_000, 10_000, 100_000] as const;
const ORDINARY_UNIT = '900001';
const DEMO_TABLES = 23;
const LARGE_TABLES = 1_000;

export type HttpResults = {
  list: (ListFigure & { databaseProjects: number; synthSeconds: number })[];
  exports: HttpExportFigure[];
  /** `onOwnPage`: each action posted to the page that holds it (scripts/bench/save.ts), as a browser does. */
  save: { connections: number; onOwnPage?: boolean; real: LoadResult; floor: LoadResult; ratioP50: number }[];
  editorPage: { p50: number; p95: number };
  healthPage: { p50: number; p95: number };
  /** The monitoring dashboard with a report for every one of the 100,000 tables (issue 14). */
  monitoring: MonitoringResults;
  memory: { afterWarmupMb: number; afterListMb: number; afterExportsMb: number; afterRunMb: number; peakMb: number };
};

async function createTwentyRowTable(client: Client): Promise<{ id: number; code: string }> {
  const code = '13080024PBENCH0000020';
  const base = scriptTable(code);
  const real = base.indicators.filter((r) => !r.isPlaceholder);
  const indicators = [...Array.from({ length: 18 }, (_, i) => ({ ...real[i % real.length]!, name: `指标 ${i + 1}` })), ...base.indicators.filter((r) => r.isPlaceholder)];
  const r = outcome(await client.action('createTableAction', [{ unitYearId: await demoUnitYearId(client), table: { ...base, indicators } }]));
  if (!r.ok) throw new Error(`could not create the 20-row table: ${r.code}`);
  return { id: (r.data as { projectId: number }).projectId, code };
}

async function signedIn(server: Server, ids: Map<string, string>, username: string, password: string): Promise<Client> {
  const c = new Client(server.base, ids);
  await c.signIn(username, password);
  return c;
}

type Viewer = { username: string; password: string };

/** The three list figures of one database size: the ordinary unit-year, the growing one, and the ordinary one for a one-unit reviewer. */
async function listStep(server: Server, ids: Map<string, string>, runs: number, growingCode: string, growingProjects: number, viewer: Viewer | null, onFirst?: () => void) {
  const admin = await signedIn(server, ids, 'admin', 'Guanli2024');
  const all: UnitYearRef[] = await unitYears(admin);
  const common = { client: admin, options: all.length, runs };
  const ordinary = await timeList({ ...common, unitYear: unitYearOf(all, ORDINARY_UNIT), unitYearProjects: ORDINARY_PER_UNIT, label: '普通单位年度' });
  onFirst?.();
  const growing = await timeList({ ...common, unitYear: unitYearOf(all, growingCode), unitYearProjects: growingProjects, label: '占全库 10% 的单位年度' });
  // The same ordinary list for a reviewer of that one unit: the page without the other units' options.
  const who = viewer ?? (await createMember(admin, unitYearOf(all, ORDINARY_UNIT).unitId, 'reviewer', 'benchviewer'));
  const one = await signedIn(server, ids, who.username, who.password);
  const alone = await timeList({ client: one, options: 1, runs, unitYear: unitYearOf(all, ORDINARY_UNIT), unitYearProjects: ORDINARY_PER_UNIT, label: '普通单位年度（只看本单位的审核人）' });
  return { figures: [ordinary, growing, alone], viewer: who };
}

/**
 * `database`: a SQLite file or a postgres:// URL. `extraSizes`: list steps after the rest (the
 * database grows further once the exports and saves are measured, so those stay at 100,000 projects
 * and compare across engines).
 */
export async function overHttp(quick: boolean, ids: Map<string, string>, database: string, extraSizes: readonly number[] = []): Promise<HttpResults> {
  const listRuns = quick ? 40 : 150;
  const list: HttpResults['list'] = [];
  let server: Server | null = null;
  let largeCode = '';
  let have = 0;
  let afterWarmupMb = 0;
  let viewer: Viewer | null = null;
  let monitoringData: MonitoringData | null = null;
  try {
    for (const size of SIZES) {
      if (server) await stopServer(server);
      const step = growTo(database, have, size);
      have = size;
      if (step.growingProjects === LARGE_TABLES) largeCode = step.growingCode;
      if (size === SIZES[SIZES.length - 1]) monitoringData = seedMonitoringStep(database, quick ? 20 : 60);
      server = await startServer({ databasePath: database });
      const s = server;
      const r = await listStep(s, ids, listRuns, step.growingCode, step.growingProjects, viewer, () => {
        if (size === SIZES[0]) afterWarmupMb = rssMb(s.child.pid!);
      });
      viewer = r.viewer;
      for (const f of r.figures) list.push({ ...f, databaseProjects: size, synthSeconds: step.seconds });
    }
    const s = server!;
    const pid = s.child.pid!;
    const afterListMb = rssMb(pid);
    let peakMb = peakRssMb(pid);
    const admin = await signedIn(s, ids, 'admin', 'Guanli2024');
    const all = await unitYears(admin);
    const exports: HttpExportFigure[] = [];
    // The demo unit-year before the benchmark adds its own tables to it: the reference's 23 tables.
    exports.push(await httpExport({ client: admin, pid, unitYearId: unitYearOf(all, '441001').id, tables: DEMO_TABLES, runs: quick ? 10 : 30, warmup: 2 }));
    exports.push(await httpExport({ client: admin, pid, unitYearId: unitYearOf(all, largeCode).id, tables: LARGE_TABLES, runs: quick ? 1 : 3, warmup: 0 }));
    for (const e of exports) peakMb = Math.max(peakMb, e.xlsx.peakRssMb, e.pdf.peakRssMb);
    const afterExportsMb = rssMb(pid);

    const owner = await signedIn(s, ids, 'owner', 'Bianzhi2024');
    const seconds = quick ? 4 : 10;
    const pool = await savePool(owner, 32);
    const save: HttpResults['save'] = [];
    for (const connections of [1, 8, 32]) {
      const floor = await saveLoad({ client: owner, ids, pool, connections, seconds, noop: true });
      const real = await saveLoad({ client: owner, ids, pool, connections, seconds, noop: false });
      save.push({ connections, real, floor, ratioP50: real.p50 / floor.p50 });
    }
    {
      const floor = await saveLoad({ client: owner, ids, pool, connections: 8, seconds, noop: true, onOwnPage: true });
      const real = await saveLoad({ client: owner, ids, pool, connections: 8, seconds, noop: false, onOwnPage: true });
      save.push({ connections: 8, onOwnPage: true, real, floor, ratioP50: real.p50 / floor.p50 });
    }
    const twenty = await createTwentyRowTable(owner);
    const editorPage = await timeGets(`${s.base}/projects/${twenty.id}/edit`, owner.sessionCookie, quick ? 50 : 200, { markers: [twenty.code, '指标 18', '无生态效益指标'] });
    const healthPage = await timeGets(`${s.base}/health`, '', quick ? 50 : 200, { markers: ['"ok":true', '正常'] });
    const monitoring = { ...monitoringData!, pages: await monitoringPages(s, admin.sessionCookie, monitoringData!, quick ? 40 : 150) };
    const afterRunMb = rssMb(pid);
    peakMb = Math.max(peakMb, peakRssMb(pid));

    for (const size of extraSizes) {
      if (server) await stopServer(server);
      server = null;
      const step = growTo(database, have, size);
      have = size;
      console.log(`库中 ${size.toLocaleString('en')} 张表：生成用时 ${step.seconds.toFixed(0)} s`);
      server = await startServer({ databasePath: database });
      const r = await listStep(server, ids, listRuns, step.growingCode, step.growingProjects, viewer);
      for (const f of r.figures) list.push({ ...f, databaseProjects: size, synthSeconds: step.seconds });
    }
    return { list, exports, save, editorPage, healthPage, monitoring, memory: { afterWarmupMb, afterListMb, afterExportsMb, afterRunMb, peakMb } };
  } finally {
    if (server) await stopServer(server);
  }
}
