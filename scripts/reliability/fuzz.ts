/**
 * Hostile input: every server action in the build called with random and mutated payloads (fast-check),
 * sent both as JSON and in the browser's own encoding, and with malformed bodies: truncated, not JSON,
 * invalid UTF-8, wrong content types, broken multipart, unescaped flight references, deep nesting.
 * No reply may be a 5xx or carry a stack trace; a well-formed payload must come back as a result (a
 * payload that breaks the schema as a validation error), never as a thrown error. The classes of
 * issue 20 (hostile-strings.ts) go to every action and route: control, bidi, zero-width and formula
 * text in each string field, huge page numbers and look-alike ids, and forged origins (403, no change).
 */
import fc from 'fast-check';
import { Client, hasErrorRow, outcome, type ActionEntry, type Reply } from './http';
import { demoUnitId, demoUnitYearId } from './fixtures';
import { argumentsFor, coverage, stringLeaves, TARGETS, type Caller, type FuzzTarget } from './fuzz-targets';
import { BIDI, CONTROL_CHARACTERS, FORGED_ORIGINS, hostileRoutes, hostileText, LOOKALIKE_IDS } from './hostile-strings';

export type FuzzReport = {
  actions: number;
  uncovered: string[];
  cases: number;
  http5xx: number;
  serverErrors: number;
  notValidation: number;
  malformed: number;
  malformedRefused: number;
  leaks: number;
  /** Issue 20's classes: hostile text in a string field, hostile GET routes, forged-origin posts. */
  hostileText: number;
  hostileRoutes: number;
  forged: number;
  failures: string[];
};

/** Text that must never be stored: every schema refuses controls other than tab and newline, and the bidi overrides. */
const MUST_REFUSE = new Set<string>([...CONTROL_CHARACTERS, ...BIDI]);
/** Passwords are compared as typed, so hostile text there is just a wrong password. */
const AS_TYPED = /^(password|current|confirm)$/;

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

/** React escapes strings that start with `$` (they would read as references); a JSON client must too. */
function escapeFlight(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith('$') ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(escapeFlight);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, escapeFlight(v)]));
  return value;
}

/** Server internals in a reply: a stack frame, a source path. Production replies carry only a digest. */
function leaks(raw: string): boolean {
  return /\n\s+at .+:\d+:\d+/.test(raw) || /\/(work|home|root|tmp)\/|node_modules\/|\.next\/server/.test(raw);
}

const MALFORMED: { label: string; body: (valid: string) => BodyInit; type: string | null }[] = [
  { label: '截断的 JSON', body: (v) => v.slice(0, Math.max(1, Math.floor(v.length / 2))), type: 'text/plain;charset=UTF-8' },
  { label: '不是 JSON', body: () => 'hello, 你好', type: 'text/plain;charset=UTF-8' },
  { label: '空请求体', body: () => '', type: 'text/plain;charset=UTF-8' },
  { label: '无效 UTF-8', body: () => new Uint8Array([0x5b, 0xff, 0xfe, 0xc3, 0x28, 0x5d]), type: 'text/plain;charset=UTF-8' },
  { label: '数字而非参数列表', body: () => '42', type: 'text/plain;charset=UTF-8' },
  { label: 'application/json', body: (v) => v, type: 'application/json' },
  { label: '表单编码', body: () => 'a=1&b=%E4%B8%AD', type: 'application/x-www-form-urlencoded' },
  { label: '二进制', body: () => new Uint8Array([0, 1, 2, 255, 254]), type: 'application/octet-stream' },
  { label: '无 content-type', body: (v) => v, type: null },
  { label: 'multipart 无边界', body: () => 'abc', type: 'multipart/form-data' },
  { label: 'multipart 截断', body: () => '--xyz\r\nContent-Disposition: form-data; name="0"\r\n\r\n[{', type: 'multipart/form-data; boundary=xyz' },
  { label: 'multipart 缺根字段', body: () => '--xyz\r\nContent-Disposition: form-data; name="7"\r\n\r\n[]\r\n--xyz--\r\n', type: 'multipart/form-data; boundary=xyz' },
  { label: '未转义的引用 $@', body: () => '["$@1"]', type: 'text/plain;charset=UTF-8' },
  { label: '未转义的引用 $Q', body: () => '["$Q9"]', type: 'text/plain;charset=UTF-8' },
  { label: '未转义的引用 $B', body: () => '["$B1"]', type: 'text/plain;charset=UTF-8' },
  { label: '未转义的引用 $K', body: () => '["$K1"]', type: 'text/plain;charset=UTF-8' },
  { label: '未转义的引用 $F', body: () => '["$F1"]', type: 'text/plain;charset=UTF-8' },
  { label: '深度嵌套', body: () => `${'['.repeat(50_000)}${']'.repeat(50_000)}`, type: 'text/plain;charset=UTF-8' },
];

export async function fuzzActions(opts: { base: string; ids: Map<string, string>; manifest: ActionEntry[]; runs: number; projectId: number }): Promise<FuzzReport> {
  const client = async (username: string, password: string) => {
    const c = new Client(opts.base, opts.ids);
    await c.signIn(username, password);
    return c;
  };
  const clients: Record<Exclude<Caller, 'throwaway'>, Client> = {
    admin: await client('admin', 'Guanli2024'),
    owner: await client('owner', 'Bianzhi2024'),
    reviewer: await client('reviewer', 'Shenhe2024'),
    anonymous: new Client(opts.base, opts.ids),
  };
  let throwaway = await client('reviewer', 'Shenhe2024');
  const owner = clients.owner;
  const versionNow = async () => ((await owner.get(`/api/projects/${opts.projectId}`)).json as { project: { version: number } }).project.version;
  // A stale version: mutated payloads that happen to be valid are refused as conflicts and change nothing.
  const ctx = { projectId: opts.projectId, version: (await versionNow()) + 1000, unitYearId: await demoUnitYearId(owner), unitId: await demoUnitId(clients.admin) };
  const { missing, stale } = coverage(opts.manifest);
  const report: FuzzReport = { actions: opts.manifest.length, uncovered: missing, cases: 0, http5xx: 0, serverErrors: 0, notValidation: 0, malformed: 0, malformedRefused: 0, leaks: 0, hostileText: 0, hostileRoutes: 0, forged: 0, failures: [] };
  if (stale.length > 0) report.failures.push(`模糊测试列表中有构建里不存在的操作：${stale.join('、')}`);
  const fail = (m: string) => report.failures.length < 40 && report.failures.push(m);

  const check = (target: FuzzTarget, reply: Reply, what: string, mustBeInvalid: boolean) => {
    report.cases++;
    const o = outcome(reply);
    if (reply.status >= 500) report.http5xx++;
    if (leaks(reply.raw)) {
      report.leaks++;
      fail(`${target.name} ${what} → 回复中含有服务器内部信息`);
    }
    const isAnswer = target.mayRedirect || target.shape === 'none' ? !hasErrorRow(reply.raw) : reply.result !== null && typeof reply.result === 'object';
    if (reply.status >= 500 || o.code === 'error' || !isAnswer) {
      report.serverErrors++;
      fail(`${target.name} ${what} → ${reply.status} ${o.code ?? ''} ${reply.raw.slice(0, 120)}`);
    } else if (mustBeInvalid && o.code !== 'invalid') {
      report.notValidation++;
      fail(`${target.name} ${what} → ${o.code ?? 'ok'}`);
    }
  };

  const payloads = fc.oneof(
    fc.anything({ maxDepth: 3 }).map((v) => ({ kind: 'random' as const, value: v })),
    fc
      .tuple(fc.array(fc.nat(), { maxLength: 4 }), fc.anything({ maxDepth: 2 }), fc.integer({ min: 0, max: 2 }))
      .map(([path, v, mode]) => ({ kind: 'mutated' as const, value: { path, v, mode } })),
  );
  // Each action is posted to a page that carries it, as the browser does (elsewhere Next forwards it).
  const pages = new Map(opts.manifest.map((a) => [a.name, a.page]));
  for (const target of TARGETS.filter((t) => opts.ids.has(t.name))) {
    const valid = target.valid(ctx);
    const page = pages.get(target.name) ?? '/projects';
    const samples = fc.sample(fc.tuple(payloads, fc.boolean()), { numRuns: opts.runs, seed: 42 });
    for (const [i, [p, isEncoded]] of samples.entries()) {
      if (target.caller === 'throwaway' && i % 4 === 0) throwaway = await client('reviewer', 'Shenhe2024');
      const c = target.caller === 'throwaway' ? throwaway : clients[target.caller];
      const m = p.value as { path: number[]; v: unknown; mode: number };
      const payload = p.kind === 'random' ? p.value : mutate(valid, m.path, m.v, m.mode);
      const args = argumentsFor(target, payload);
      // Random values as the one argument must be refused as invalid unless they are an object.
      const mustBeInvalid = target.shape === 'single' && p.kind === 'random' && (typeof payload !== 'object' || payload === null || Array.isArray(payload));
      // Form arguments exist only in the browser's encoding; JSON is the other encoding a client may use.
      const reply = isEncoded || target.shape === 'form' ? await c.actionEncoded(target.name, args, page) : await c.action(target.name, escapeFlight(args) as unknown[], page);
      check(target, reply, `${p.kind} ${JSON.stringify(payload)?.slice(0, 150) ?? String(payload)}`, mustBeInvalid);
    }
    // Hostile text in one string field at a time (issue 20): controls and bidi never succeed; nothing is a 5xx.
    const leaves = stringLeaves(valid);
    if (leaves.length > 0 && target.shape !== 'none') {
      const cases = fc.sample(fc.tuple(fc.nat({ max: leaves.length - 1 }), hostileText, fc.boolean()), { numRuns: Math.min(opts.runs, 40), seed: 20 });
      for (const [leaf, text, isEncoded] of cases) {
        const c = target.caller === 'throwaway' ? throwaway : clients[target.caller];
        const { path, key } = leaves[leaf]!;
        const payload = mutate(valid, path, text, 0);
        const args = argumentsFor(target, payload);
        const reply = isEncoded || target.shape === 'form' ? await c.actionEncoded(target.name, args, page) : await c.action(target.name, escapeFlight(args) as unknown[], page);
        report.hostileText++;
        check(target, reply, `hostile ${key}=${JSON.stringify(text)}`, false);
        const mustRefuse = !AS_TYPED.test(key) && [...MUST_REFUSE].some((h) => text.includes(h));
        if (mustRefuse && outcome(reply).ok) fail(`${target.name} 字段 ${key} 接受了控制字符或方向字符 ${JSON.stringify(text)}`);
      }
    }
    const validBody = JSON.stringify(argumentsFor(target, valid).map((a) => (a instanceof FormData ? null : a)));
    // A page on another origin posting this action with the victim's cookie: 403 before Next, nothing changes.
    for (const forged of FORGED_ORIGINS) {
      const c = target.caller === 'throwaway' ? throwaway : clients[target.caller];
      const res = await c.fetch(page, { method: 'POST', headers: { ...forged, 'next-action': opts.ids.get(target.name)!, accept: 'text/x-component', 'content-type': 'text/plain;charset=UTF-8' }, body: validBody, redirect: 'manual' });
      const raw = await res.text();
      report.cases++;
      report.forged++;
      if (res.status >= 500) report.http5xx++;
      if (res.status !== 403 || !raw.includes('"cross-origin"')) fail(`${target.name} 伪造来源 ${JSON.stringify(forged)} → ${res.status} ${raw.slice(0, 80)}`);
    }
    for (const bad of MALFORMED) {
      const c = target.caller === 'throwaway' ? throwaway : clients[target.caller];
      const reply = await c.actionBody(target.name, bad.body(validBody), bad.type, page);
      report.cases++;
      report.malformed++;
      if (reply.status >= 500) report.http5xx++;
      if (leaks(reply.raw)) {
        report.leaks++;
        fail(`${target.name} ${bad.label} → 回复中含有服务器内部信息`);
      } else if (reply.status < 500) {
        report.malformedRefused++;
      } else {
        fail(`${target.name} ${bad.label} → ${reply.status}`);
      }
    }
  }
  await hostileGets(opts.base, ctx, clients, report, fail);
  const versionBefore = await versionNow();
  for (const forged of FORGED_ORIGINS) {
    const res = await clients.admin.fetch('/api/import?mode=apply&unit=441001&year=2024', {
      method: 'POST',
      headers: { ...forged, 'content-type': 'text/plain;charset=UTF-8', 'x-requested-with': 'fetch' },
      body: '项目名称\t伪造导入\n',
    });
    report.cases++;
    report.forged++;
    if (res.status !== 403) fail(`POST /api/import 伪造来源 ${JSON.stringify(forged)} → ${res.status}`);
  }
  if ((await versionNow()) !== versionBefore) fail('伪造来源的请求改变了数据（表的版本号变了）');
  const alive = await fetch(`${opts.base}/login`);
  if (alive.status !== 200) fail(`模糊测试之后服务器不再正常响应：/login → ${alive.status}`);
  return report;
}

/**
 * Huge page numbers, look-alike ids and over-long searches on every list and detail route, as admin,
 * owner and anonymous: never a 5xx or a leak; a look-alike id in a path is not found for staff.
 */
async function hostileGets(
  base: string,
  ctx: { projectId: number; unitYearId: number },
  clients: Record<Exclude<Caller, 'throwaway'>, Client>,
  report: FuzzReport,
  fail: (m: string) => void,
): Promise<void> {
  const lookalike = new RegExp(`^/(api/)?(projects|unit-years)/(${LOOKALIKE_IDS.map(encodeURIComponent).map((e) => e.replace(/[.+]/g, '\\$&')).join('|')})(/|$)`);
  for (const who of ['admin', 'owner', 'anonymous'] as const) {
    for (const path of hostileRoutes(ctx)) {
      const res = await clients[who].fetch(path, { redirect: 'manual' });
      const raw = await res.text();
      report.cases++;
      report.hostileRoutes++;
      if (res.status >= 500) report.http5xx++;
      if (res.status >= 500 || leaks(raw)) fail(`GET ${path}（${who}）→ ${res.status}`);
      // Not found, or (the export routes) refused as for a table one may not see: never project 1.
      else if (who !== 'anonymous' && lookalike.test(path.split('?')[0]!) && res.status !== 404 && res.status !== 403) fail(`GET ${path}（${who}）→ ${res.status}，应为 404 或 403`);
    }
  }
}
