/**
 * The 自评表 download routes, called as Next calls them: one approved 自评表 and the unit-year's round
 * as XLSX (read back with exceljs), PDF (read back with pdftotext) and JSON; refusals without a
 * session, outside the unit and for a format that does not exist.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import type { SessionState } from '@/lib/auth/session';
import type { SelfEvalData } from '@/lib/domain/selfeval';
import { createTable } from '@/lib/projects/commands/create-table';
import { transitionTable } from '@/lib/projects/commands/transition-table';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { sampleTable } from '@/lib/testing/tables';
import { selfEvalFor } from './access';
import { openSelfEvalRounds } from './commands/open-rounds';
import { saveSelfEval } from './commands/save-selfeval';
import { transitionSelfEval } from './commands/transition-selfeval';
import { loadSelfEvalView } from './read';

const session = vi.hoisted(() => ({ state: null as SessionState }));
vi.mock('server-only', () => ({}));
vi.mock('@/lib/auth/request', () => ({ currentSession: async () => session.state, readSession: async () => session.state }));

const one = await import('@/app/api/selfeval/evaluations/[id]/export/route');
const all = await import('@/app/api/selfeval/unit-years/[id]/export/route');

let owner: Actor;
let reviewer: Actor;
let outsider: Actor;
let unitYearId: number;
let selfEvalId: number;

const who = (actor: Actor | null) => (session.state = actor ? { actor, mustChangePassword: false } : null);
const get = (route: typeof one, id: number, format: string) =>
  route.GET(new Request(`http://localhost/api/x/${id}/export?format=${format}`), { params: Promise.resolve({ id: String(id) }) });

beforeAll(async () => {
  await seededDatabase();
  const a = await makeUnitYear('100001', 2024, '10.00');
  const b = await makeUnitYear('200002');
  unitYearId = a.unitYear.id;
  owner = await makeActor('x-owner', [{ unitId: a.unit.id, role: 'owner' }]);
  reviewer = await makeActor('x-reviewer', [{ unitId: a.unit.id, role: 'reviewer' }]);
  outsider = await makeActor('x-outsider', [{ unitId: b.unit.id, role: 'owner' }]);
  const admin = await makeActor('x-admin', [], true);
  const me = { actor: owner, ip: null };
  const t = await createTable(me, unitYearId, sampleTable());
  const s = await transitionTable(me, 'submit', { projectId: t.projectId, version: t.version });
  await transitionTable({ actor: reviewer, ip: null }, 'approve', { projectId: t.projectId, version: s.version });
  selfEvalId = (await openSelfEvalRounds({ actor: admin, ip: null }, { unitYearIds: [unitYearId] }))[0]!.selfEvalIds[0]!;
  const view = await loadSelfEvalView(await selfEvalFor(owner, selfEvalId, 'project.view'));
  const actuals = ['46%', '280 件', '50 天', '9.5 万元', '92%', '70%', '95%'];
  const data: SelfEvalData = {
    ...view.data,
    funds: { ...view.data.funds, executed: '9.50' },
    goalActual: '结案率 95%',
    entries: view.data.entries.map((e, i) => ({ ...e, actual: actuals[i]!, deviation: i === 0 ? '案件增多，下年加派人手' : '' })),
  };
  const saved = await saveSelfEval(me, selfEvalId, 1, data);
  expect(saved.problems).toEqual([]);
  const sub = await transitionSelfEval(me, 'submit', { selfEvalId, version: saved.version });
  await transitionSelfEval({ actor: reviewer, ip: null }, 'approve', { selfEvalId, version: sub.version });
}, 60_000);

beforeEach(() => who(reviewer));

async function workbook(res: Response): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
  return wb;
}

function cellsOf(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(typeof c.value === 'number' ? c.value.toFixed(2) : String(c.text))));
  return out;
}

function pdfText(res: ArrayBuffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'selfeval-pdf-'));
  writeFileSync(join(dir, 'a.pdf'), Buffer.from(res));
  return execFileSync('pdftotext', ['-layout', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
}

describe('one 自评表', () => {
  it('downloads as XLSX with a Chinese file name and every value reads back', async () => {
    const res = await get(one, selfEvalId, 'xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('自评表-2024-13080024P00009810002A.xlsx'));
    const ws = (await workbook(res)).worksheets[0]!;
    const cells = cellsOf(ws);
    // 46 ÷ 92 × 12.50 = 6.25; funds 9.50 ÷ 10.00 → 95.00 %, 9.50 points; total 100 − 6.25 − 0.50 = 93.25.
    for (const v of ['46%', '6.25', '案件增多，下年加派人手', '95.00', '9.50', '93.25', '结案率 95%', '280 件', '案件结案率']) expect(cells, v).toContain(v);
    expect(cells.some((c) => c.includes('优'))).toBe(true);
  });

  it('downloads as PDF whose text holds the values', async () => {
    const res = await get(one, selfEvalId, 'pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(await res.arrayBuffer());
    for (const v of ['案件结案率', '46%', '6.25', '93.25', '案件增多', '结案率 95%']) expect(text, v).toContain(v);
  });

  it('downloads as the interchange JSON', async () => {
    const res = await get(one, selfEvalId, 'json');
    const body = (await res.json()) as { year: number; selfEvaluation: { selfScore: string; grade: string; indicators: { score: string }[] } };
    expect(body.year).toBe(2024);
    expect(body.selfEvaluation).toMatchObject({ selfScore: '93.25', grade: '优' });
    expect(body.selfEvaluation.indicators[0]!.score).toBe('6.25');
  });

  it('refuses without a session, outside the unit, and a format that does not exist', async () => {
    who(null);
    expect((await get(one, selfEvalId, 'xlsx')).status).toBe(401);
    who(outsider);
    expect((await get(one, selfEvalId, 'xlsx')).status).toBe(403);
    expect((await get(one, 999_999, 'xlsx')).status).toBe(403);
    who(owner);
    const bad = await get(one, selfEvalId, 'doc');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toBe('下载参数有误：格式应为 xlsx、pdf 或 json');
  });
});

describe('the unit-year', () => {
  it('downloads every 自评表 of the round as XLSX, PDF and JSON', async () => {
    const x = await get(all, unitYearId, 'xlsx');
    expect(x.status).toBe(200);
    expect(x.headers.get('content-disposition')).toContain(encodeURIComponent('自评表-100001-2024.xlsx'));
    const wb = await workbook(x);
    expect(wb.worksheets.flatMap(cellsOf)).toContain('93.25');
    expect(pdfText(await (await get(all, unitYearId, 'pdf')).arrayBuffer())).toContain('93.25');
    const json = (await (await get(all, unitYearId, 'json')).json()) as { selfEvaluations: { code: string; selfScore: string }[] };
    expect(json.selfEvaluations.map((s) => [s.code, s.selfScore])).toEqual([['13080024P00009810002A', '93.25']]);
  });

  it('refuses outside the unit and a unit-year without self-evaluation', async () => {
    who(outsider);
    expect((await get(all, unitYearId, 'json')).status).toBe(403);
    who(reviewer);
    expect((await get(all, 999_999, 'json')).status).toBe(403);
  });
});
