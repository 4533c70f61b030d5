/**
 * Hostile input: every server action called with random and mutated payloads (fast-check). No call may
 * end in a 5xx or an unexpected server error; a payload that breaks the schema must be refused as a
 * validation error. Oversize input (a 10 MB text field, 10,000 rows, a 100 MB upload) must be refused
 * with a clear message before it touches the database.
 */
import fc from 'fast-check';
import { Client, outcome } from './http';
import { demoUnitYearId, scriptTable } from './fixtures';

export type FuzzReport = { cases: number; http5xx: number; serverErrors: number; notValidation: number; oversizeRefused: number; oversizeCases: number };

type Target = { name: string; valid: (ctx: { projectId: number; version: number; unitYearId: number }) => unknown };

const TARGETS: Target[] = [
  { name: 'saveTableAction', valid: (c) => ({ projectId: c.projectId, version: c.version, table: scriptTable('13080024PFUZZ00000001') }) },
  { name: 'createTableAction', valid: (c) => ({ unitYearId: c.unitYearId, table: scriptTable('13080024PFUZZ00000002') }) },
  { name: 'deleteTableAction', valid: (c) => ({ projectId: c.projectId, version: c.version }) },
  { name: 'duplicateTableAction', valid: (c) => ({ projectId: c.projectId }) },
  { name: 'startNextYearAction', valid: (c) => ({ projectId: c.projectId }) },
  { name: 'submitTableAction', valid: (c) => ({ projectId: c.projectId, version: c.version }) },
  { name: 'withdrawTableAction', valid: (c) => ({ projectId: c.projectId, version: c.version }) },
  { name: 'returnTableAction', valid: (c) => ({ projectId: c.projectId, version: c.version, reason: '理由', comments: [{ target: null, body: '意见' }] }) },
  { name: 'approveTableAction', valid: (c) => ({ projectId: c.projectId, version: c.version }) },
  { name: 'reopenTableAction', valid: (c) => ({ projectId: c.projectId, version: c.version, reason: '理由' }) },
  { name: 'bulkApproveAction', valid: (c) => ({ items: [{ projectId: c.projectId, version: c.version }] }) },
  { name: 'addCommentAction', valid: (c) => ({ projectId: c.projectId, target: null, body: '意见' }) },
  { name: 'changePassword', valid: () => ({ current: 'x', password: 'y', confirm: 'y' }) },
  { name: 'createUnitAction', valid: () => ({ code: '441001', name: '单位' }) },
  { name: 'createUnitYearAction', valid: (c) => ({ unitId: 1, year: 2024, frameworkId: 1, projectExpenditure: null, _: c.unitYearId }) },
  { name: 'updateUnitYearAction', valid: (c) => ({ unitYearId: c.unitYearId, frameworkId: 1, projectExpenditure: '3447.87', ruleProfile: null }) },
  { name: 'createUserAction', valid: () => ({ username: 'owner', displayName: '名', password: 'Abcdefg123', isAdmin: false }) },
  { name: 'setUserDisabledAction', valid: () => ({ userId: 999999, isDisabled: true }) },
  { name: 'resetPasswordAction', valid: () => ({ userId: 999999 }) },
  { name: 'setMembershipAction', valid: () => ({ userId: 999999, unitId: 1, role: 'owner', isMember: true }) },
];

/** Replaces, deletes or wraps one value somewhere inside a JSON-like object. */
function mutate(value: unknown, path: number[], replacement: unknown, mode: number): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return mode === 0 ? replacement : mode === 1 ? undefined : [value];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return replacement;
  const [key, child] = entries[path[0]! % entries.length]!;
  const next = mutate(child, path.slice(1), replacement, mode);
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(key)] = next;
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  if (next === undefined) delete copy[key];
  else copy[key] = next;
  return copy;
}

export async function fuzzActions(opts: { base: string; ids: Map<string, string>; runs: number; projectId: number }): Promise<FuzzReport> {
  const admin = new Client(opts.base, opts.ids);
  await admin.signIn('admin', 'Guanli2024');
  const owner = new Client(opts.base, opts.ids);
  await owner.signIn('owner', 'Bianzhi2024');
  const unitYearId = await demoUnitYearId(owner);
  const versionNow = async () => ((await owner.get(`/api/projects/${opts.projectId}`)).json as { project: { version: number } }).project.version;
  // A stale version: mutated payloads that happen to be valid are refused as conflicts and change nothing.
  const ctx = { projectId: opts.projectId, version: (await versionNow()) + 1000, unitYearId };
  const report: FuzzReport = { cases: 0, http5xx: 0, serverErrors: 0, notValidation: 0, oversizeRefused: 0, oversizeCases: 0 };
  const failures: string[] = [];

  const check = async (client: Client, name: string, args: unknown[], mustBeInvalid: boolean) => {
    const reply = await client.action(name, args);
    report.cases++;
    const o = outcome(reply);
    if (reply.status >= 500) report.http5xx++;
    if (o.code === 'error' || o.code === 'http-5xx' || o.code === 'no-result') {
      report.serverErrors++;
      failures.push(`${name} ${JSON.stringify(args).slice(0, 200)} → ${reply.status} ${o.code}`);
    } else if (mustBeInvalid && o.code !== 'invalid') {
      report.notValidation++;
      failures.push(`${name} ${JSON.stringify(args).slice(0, 200)} → ${o.code ?? 'ok'}`);
    }
  };

  const arbitraryPayload = fc.oneof(
    fc.anything({ maxDepth: 3 }).map((v) => ({ args: [v], schemaBreaking: false })),
    fc.tuple(fc.array(fc.nat(), { maxLength: 4 }), fc.anything({ maxDepth: 2 }), fc.integer({ min: 0, max: 2 })).map(([path, v, mode]) => ({ path, v, mode })).map((m) => ({ args: m, schemaBreaking: false })),
  );
  for (const target of TARGETS) {
    const valid = target.valid(ctx);
    const client = target.name.startsWith('create') && target.name !== 'createTableAction' ? admin : owner;
    const samples = fc.sample(arbitraryPayload, { numRuns: opts.runs, seed: 42 });
    for (const s of samples) {
      const a = s.args as unknown;
      if (Array.isArray(a)) {
        // Random values as the argument: refused, or (rarely) accepted when they happen to be valid.
        await check(client, target.name, a, typeof a[0] !== 'object' || a[0] === null || Array.isArray(a[0]));
      } else {
        const m = a as { path: number[]; v: unknown; mode: number };
        await check(client, target.name, [mutate(valid, m.path, m.v, m.mode)], false);
      }
    }
  }

  // Oversize input, refused before the database: the table's version must not move.
  const version = await versionNow();
  const big = 'x'.repeat(10 * 1024 * 1024);
  const oversize: [string, unknown][] = [
    ['saveTableAction', { ...ctx, version, table: { ...scriptTable('13080024PFUZZ00000001'), purpose: big } }],
    ['saveTableAction', { ...ctx, version, table: { ...scriptTable('13080024PFUZZ00000001'), indicators: Array.from({ length: 10_000 }, () => scriptTable('X').indicators[0]) } }],
  ];
  for (const [name, input] of oversize) {
    report.oversizeCases++;
    const reply = await owner.action(name, [input]);
    const o = outcome(reply);
    if (o.code === 'invalid') report.oversizeRefused++;
    else failures.push(`oversize ${name} → ${reply.status} ${o.code}`);
  }
  report.oversizeCases++;
  const hundredMb = new Uint8Array(100 * 1024 * 1024);
  const upload = await owner.fetch('/api/import?mode=preview', { method: 'POST', body: hundredMb }).catch(() => null);
  if (upload && upload.status === 413) report.oversizeRefused++;
  else failures.push(`100 MB upload → ${upload?.status ?? 'connection closed'}`);
  const after = (await owner.get(`/api/projects/${opts.projectId}`)).json as { project: { version: number } };
  if (after.project.version !== version) failures.push(`oversize input changed the table: version ${version} → ${after.project.version}`);
  if (failures.length > 0) console.error(`模糊测试发现的问题：\n${failures.slice(0, 30).join('\n')}`);
  return report;
}
