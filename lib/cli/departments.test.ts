/**
 * Issue 18's acceptance, through the command line and the sign-in path /api/session uses: a department
 * 4410 with the demo unit 441001 moved under it and a reviewer granted on 4410 sees 441001's unit-years
 * and its submitted tables; a reviewer of a sibling department sees none of them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditFor } from '@/db/queries/audit';
import { findUnitByCode } from '@/db/queries/units';
import { findUserByUsername } from '@/db/queries/users';
import { createSession, resolveSession } from '@/lib/auth/session';
import { checkCredentials } from '@/lib/auth/sign-in';
import { loadDemo } from '@/lib/setup/demo';
import { visibleUnitYears } from '@/lib/projects/list';
import { reviewQueue } from '@/lib/projects/review-queue';
import { seededDatabase } from '@/lib/testing/db';
import { runCommand } from './command';
import { commands } from './registry';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-dept-'));

async function pt(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const command = commands.find((c) => c.name === args[0])!;
  const [stdout, stderr, stdin] = [new PassThrough(), new PassThrough(), new PassThrough()];
  stdin.end('');
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runCommand(command, args.slice(1), { stdout, stderr, stdin });
  return { code, out, err };
}

/** What POST /api/session then GET /api/unit-years and the review page do, without the HTTP. */
async function signIn(username: string, password: string) {
  const r = await checkCredentials(username, password, '127.0.0.1');
  expect(r.ok).toBe(true);
  if (!r.ok) throw new Error(r.message);
  const { token } = await createSession(r.user.id, '127.0.0.1', 'vitest');
  const session = (await resolveSession(token))!;
  expect(session.mustChangePassword).toBe(false);
  return session.actor;
}

beforeAll(async () => {
  await seededDatabase();
  await loadDemo();
});

describe('pt unit / pt user: a department over 441001', () => {
  it('builds the tree and the accounts, each audited as the command line', async () => {
    expect((await pt('unit', 'create', '--code', '4410', '--name', '承德市人力资源和社会保障局')).code).toBe(0);
    expect((await pt('unit', 'create', '--code', '4420', '--name', '承德市民政局')).code).toBe(0);
    expect((await pt('unit', 'create', '--code', '442001', '--name', '承德市民政局本级', '--parent', '4420')).code).toBe(0);
    const moved = await pt('unit', 'update', '--code', '441001', '--parent', '4410');
    expect(moved).toMatchObject({ code: 0, out: '已修改单位 441001：上级单位\n' });
    expect((await pt('unit', 'update', '--code', '441001', '--parent', '4410')).out).toBe('单位 441001 没有变化\n');
    const dept = await pt('user', 'create', '--username', 'dept-rev', '--name', '部门审核人', '--password', 'Bumen2024x', '--role', 'reviewer', '--unit', '4410', '--permanent');
    expect(dept.code).toBe(0);
    const sib = await pt('user', 'create', '--username', 'sib-rev', '--name', '民政审核人', '--password', 'Minzheng2024', '--role', 'reviewer', '--unit', '4420', '--permanent');
    expect(sib.code).toBe(0);
    const unit = (await findUnitByCode('441001'))!;
    const move = (await listAuditFor('unit', unit.id)).find((a) => a.action === 'move')!;
    expect(move.username).toBe('system');
    expect((await findUserByUsername('dept-rev'))!.mustChangePassword).toBe(false);
  });

  it('the department reviewer gets 441001’s unit-years and its submitted tables; the sibling none', async () => {
    const dept = await signIn('dept-rev', 'Bumen2024x');
    expect((await visibleUnitYears(dept)).map((u) => `${u.unitCode}/${u.year}`)).toEqual(['441001/2024']);
    const queue = await reviewQueue(dept, {});
    expect(queue.total).toBe(2); // the demo's two submitted tables
    expect(queue.units.map((u) => u.code)).toEqual(['441001']);
    const sibling = await signIn('sib-rev', 'Minzheng2024');
    expect(await visibleUnitYears(sibling)).toEqual([]);
    expect((await reviewQueue(sibling, {})).total).toBe(0);
  });

  it('refuses a cycle, an unknown parent and a bad code, saying why', async () => {
    const cycle = await pt('unit', 'update', '--code', '4410', '--parent', '441001');
    expect(cycle.code).toBe(1);
    expect(cycle.err).toContain('441001 是 4410 的下级单位');
    expect((await pt('unit', 'create', '--code', '4430', '--name', '某局', '--parent', '9999')).err).toContain('上级单位 9999 不存在');
    expect((await pt('unit', 'create', '--code', '4-4', '--name', '某局')).code).toBe(2);
    expect((await pt('user', 'create', '--username', 'x-rev', '--name', 'X', '--role', 'reviewer')).err).toContain('须同时给出 --unit');
  });

  it('a generated password is printed once and must be changed at first sign-in', async () => {
    const r = await pt('user', 'create', '--username', 'new-owner', '--name', '新编制人', '--role', 'owner', '--unit', '441001', '--role', 'reviewer', '--unit', '4420', '--this-unit-only');
    expect(r.code).toBe(0);
    const password = /初始密码（只显示这一次）：(\S+)/.exec(r.out)![1]!;
    const signed = await checkCredentials('new-owner', password, '127.0.0.2');
    expect(signed.ok && signed.user.mustChangePassword).toBe(true);
  });
});

describe('pt units import / pt users import', () => {
  it('imports a CSV, reports every bad row with its number and imports nothing until fixed; a second import changes nothing', async () => {
    const bad = path.join(dir, 'bad-units.csv');
    fs.writeFileSync(bad, '单位编码,单位名称,上级单位编码\n4450,某厅,\n445001,某厅本级,4450\n44-5,坏编码,\n445002,,4450\n445003,下属单位,9999\n');
    const refused = await pt('units', 'import', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('第 4 行');
    expect(refused.err).toContain('第 5 行');
    expect(refused.err).toContain('第 6 行');
    expect(refused.err).not.toContain('第 2 行');
    expect(await findUnitByCode('4450')).toBeUndefined();
    const good = path.join(dir, 'units.csv');
    fs.writeFileSync(good, '单位编码,单位名称,上级单位编码\n445001,某厅本级,4450\n4450,某厅,\n');
    expect((await pt('units', 'import', good)).out).toBe('单位：新建 2，修改 0，无变化 0\n');
    expect((await pt('units', 'import', good)).out).toBe('单位：新建 0，修改 0，无变化 2\n');
    expect((await findUnitByCode('445001'))!.parentId).toBe((await findUnitByCode('4450'))!.id);

    const usersCsv = path.join(dir, 'users.csv');
    fs.writeFileSync(usersCsv, '用户名,姓名,角色,初始密码\nu4450,厅审核人,审核人:4450,\nu445001,本级编制人,编制人:445001(仅本单位),Bianzhi2025\n');
    const first = await pt('users', 'import', usersCsv);
    expect(first.out).toContain('账户：新建 2，修改 0，无变化 0');
    expect(first.out).toMatch(/u4450\t\S{16}/);
    expect((await pt('users', 'import', usersCsv)).out).toBe('账户：新建 0，修改 0，无变化 2\n');
    fs.writeFileSync(usersCsv, '用户名,姓名,角色\nu4450,厅审核人,审核人:4450；审核人:9999\nsystem,系统,管理员\n');
    const badUsers = await pt('users', 'import', usersCsv);
    expect(badUsers.code).toBe(1);
    expect(badUsers.err).toContain('第 2 行：单位 9999 不存在');
    expect(badUsers.err).toContain('第 3 行');
  });
});
