/**
 * The unit tree and accounts from the command line: `pt unit create|update`, `pt user create`,
 * `pt units import`, `pt users import`. Each acts as the system account, so the audit log shows the
 * command line's work.
 */
import fs from 'node:fs';
import { parseArgs, UsageError, valueOf, type CommandIO, type Command } from '../command';

async function cliWho() {
  const { ensureBaseData, systemActor } = await import('@/lib/setup/bootstrap');
  await ensureBaseData();
  return { actor: await systemActor(), ip: null };
}

/** A refusal of the command (an ActionError) is said on stderr with exit code 1; other errors pass. */
async function refused(io: CommandIO, fn: () => Promise<number>): Promise<number> {
  const { ActionError } = await import('@/lib/actions/errors');
  try {
    return await fn();
  } catch (error) {
    if (!(error instanceof ActionError)) throw error;
    io.stderr.write(`未完成：${error.message}\n`);
    return 1;
  }
}

function subcommand(args: string[], allowed: readonly string[]): [string, string[]] {
  const [sub, ...rest] = args;
  if (!sub || !allowed.includes(sub)) throw new UsageError(`请给出子命令：${allowed.join(' 或 ')}`);
  return [sub, rest];
}

function required(value: string | undefined, name: string): string {
  if (value === undefined) throw new UsageError(`缺少 --${name}`);
  return value;
}

export const unitCommand: Command = {
  name: 'unit',
  usage: 'unit create --code C --name N [--parent P] | unit update --code C [--name N] [--parent P | --top]  新建或修改单位（--parent 为上级单位编码）',
  async run(args, io) {
    const [sub, rest] = subcommand(args, ['create', 'update']);
    const parsed = parseArgs(rest, { values: ['code', 'name', 'parent'], flags: sub === 'update' ? ['top'] : [] });
    const code = required(valueOf(parsed, 'code'), 'code');
    const name = valueOf(parsed, 'name');
    const parent = valueOf(parsed, 'parent');
    if (parent !== undefined && parsed.options.has('top')) throw new UsageError('--parent 与 --top 只能给出一个');
    const { unitInput } = await import('@/lib/admin/schemas');
    const checked = unitInput.safeParse({ code, name: sub === 'create' ? required(name, 'name') : (name ?? code) });
    if (!checked.success) throw new UsageError(checked.error.issues.map((i) => i.message).join('；'));
    const who = await cliWho();
    return refused(io, async () => {
      if (sub === 'create') {
        const { createUnitInTree } = await import('@/lib/departments/commands/create-unit');
        await createUnitInTree(who, { code, name: checked.data.name, parentCode: parent ?? null });
        io.stdout.write(`已新建单位 ${code} ${checked.data.name}${parent ? `（上级：${parent}）` : ''}\n`);
        return 0;
      }
      const { updateUnitInTree } = await import('@/lib/departments/commands/update-unit');
      const parentCode = parsed.options.has('top') ? null : parent;
      const r = await updateUnitInTree(who, { code, ...(name !== undefined ? { name: checked.data.name } : {}), ...(parentCode !== undefined ? { parentCode } : {}) });
      io.stdout.write(r.changed.length === 0 ? `单位 ${code} 没有变化\n` : `已修改单位 ${code}：${r.changed.map((c) => (c === 'name' ? '名称' : '上级单位')).join('、')}\n`);
      return 0;
    });
  },
  usesDatabase: true,
};

type RolePair = { role: 'owner' | 'reviewer' | 'admin'; unitCode: string | null; isThisUnitOnly: boolean };

/** `--role R [--unit C] [--this-unit-only]`, as often as needed; the rest goes to parseArgs. */
export function takeRoles(args: readonly string[]): { roles: RolePair[]; rest: string[] } {
  const roles: RolePair[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--role') {
      const role = args[++i];
      if (role !== 'owner' && role !== 'reviewer' && role !== 'admin') throw new UsageError(`--role 应为 owner、reviewer 或 admin，而不是“${role ?? ''}”`);
      roles.push({ role, unitCode: null, isThisUnitOnly: false });
    } else if (a === '--unit' || a === '--this-unit-only') {
      const last = roles.at(-1);
      if (!last) throw new UsageError(`${a} 须跟在 --role 之后`);
      if (a === '--this-unit-only') last.isThisUnitOnly = true;
      else if (last.unitCode !== null) throw new UsageError('每个 --role 只能给一个 --unit');
      else last.unitCode = required(args[++i], 'unit');
    } else rest.push(a);
  }
  for (const r of roles) if (r.role !== 'admin' && r.unitCode === null) throw new UsageError(`--role ${r.role} 须同时给出 --unit 单位编码`);
  return { roles, rest };
}

export const userCommand: Command = {
  name: 'user',
  usage:
    'user create --username U --name N [--password P] [--role owner|reviewer|admin --unit C [--this-unit-only]]... [--permanent]  新建账户（未给密码时生成并只显示这一次；首次登录须改密码，--permanent 除外）',
  async run(args, io) {
    const [, rest] = subcommand(args, ['create']);
    const { roles, rest: others } = takeRoles(rest);
    const parsed = parseArgs(others, { values: ['username', 'name', 'password'], flags: ['permanent'] });
    const { userCreateInput } = await import('@/lib/admin/schemas');
    const password = valueOf(parsed, 'password');
    const checked = userCreateInput.safeParse({ username: required(valueOf(parsed, 'username'), 'username'), displayName: required(valueOf(parsed, 'name'), 'name'), password: password ?? 'x', isAdmin: false });
    if (!checked.success) throw new UsageError(checked.error.issues.map((i) => i.message).join('；'));
    const who = await cliWho();
    return refused(io, async () => {
      const { createAccount } = await import('@/lib/departments/commands/create-account');
      const r = await createAccount(who, {
        username: checked.data.username,
        displayName: checked.data.displayName,
        ...(password !== undefined ? { password } : {}),
        roles,
        isPermanent: parsed.options.has('permanent'),
      });
      io.stdout.write(`已新建账户 ${checked.data.username}（${checked.data.displayName}）${roles.length > 0 ? `，角色：${roles.map((x) => `${x.role}${x.unitCode ? `@${x.unitCode}` : ''}${x.isThisUnitOnly ? '（仅本单位）' : ''}`).join('、')}` : ''}\n`);
      if (r.generatedPassword) io.stdout.write(`初始密码（只显示这一次）：${r.generatedPassword}\n`);
      return 0;
    });
  },
  usesDatabase: true,
};

function readFile(file: string | undefined, io: CommandIO): Uint8Array | null {
  if (!file) throw new UsageError('请指定 XLSX 或 CSV 文件');
  try {
    return fs.readFileSync(file);
  } catch {
    io.stderr.write(`无法读取文件：${file}\n`);
    return null;
  }
}

export const unitsCommand: Command = {
  name: 'units',
  usage: 'units import FILE  从 XLSX 或 CSV 导入单位（单位编码、单位名称、上级单位编码；有错行时不导入，重复导入不变）',
  async run(args, io) {
    const [, rest] = subcommand(args, ['import']);
    const bytes = readFile(parseArgs(rest, { positional: 1 }).positional[0], io);
    if (!bytes) return 2;
    const who = await cliWho();
    return refused(io, async () => {
      const { importUnits } = await import('@/lib/departments/commands/import-units');
      const r = await importUnits(who, bytes);
      io.stdout.write(`单位：新建 ${r.created}，修改 ${r.updated}，无变化 ${r.unchanged}\n`);
      return 0;
    });
  },
  usesDatabase: true,
};

export const usersCommand: Command = {
  name: 'users',
  usage: 'users import FILE  从 XLSX 或 CSV 导入账户（用户名、姓名、角色、初始密码；生成的密码只显示这一次；重复导入不变）',
  async run(args, io) {
    const [, rest] = subcommand(args, ['import']);
    const bytes = readFile(parseArgs(rest, { positional: 1 }).positional[0], io);
    if (!bytes) return 2;
    const who = await cliWho();
    return refused(io, async () => {
      const { importUsers } = await import('@/lib/departments/commands/import-users');
      const r = await importUsers(who, bytes);
      io.stdout.write(`账户：新建 ${r.created}，修改 ${r.updated}，无变化 ${r.unchanged}\n`);
      if (r.generated.length > 0) {
        io.stdout.write('生成的初始密码（只显示这一次，首次登录须修改）：\n');
        for (const g of r.generated) io.stdout.write(`${g.username}\t${g.password}\n`);
      }
      return 0;
    });
  },
  usesDatabase: true,
};
