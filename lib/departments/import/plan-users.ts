/**
 * What importing a sheet of accounts would do, as a pure plan. A row: 用户名, 姓名, 角色 (e.g.
 * `审核人:4410；编制人:441001(仅本单位)；管理员`), 初始密码 (blank: one is generated). Existing accounts
 * get a changed name and the roles they lack; nothing is taken away and no password is touched, so
 * importing the same file again changes nothing.
 */
import type { MembershipRole } from '@/db/schema/enums';
import { userCreateInput } from '@/lib/admin/schemas';
import { checkPasswordPolicy } from '@/lib/auth/policy';
import { columnsOf, type SheetRow } from './read-rows';
import type { RowError } from './plan-units';

export type PlannedRole = { role: MembershipRole; unitCode: string; isThisUnitOnly: boolean };
export type ExistingAccount = { id: number; username: string; displayName: string; isAdmin: boolean; roles: PlannedRole[] };
export type UserPlanItem = {
  row: number;
  username: string;
  displayName: string;
  isAdmin: boolean;
  roles: PlannedRole[];
  /** Given in the file; null: generated on import (new accounts only). */
  password: string | null;
  action: 'create' | 'update' | 'unchanged';
  /** For updates: the roles to grant or whose reach changes, and whether the name or admin role changes. */
  grants: PlannedRole[];
  changes: string[];
};
export type UserPlan = { items: UserPlanItem[]; errors: RowError[] };

const COLUMNS = {
  username: { names: ['用户名', '账号', 'username'], isRequired: true },
  displayName: { names: ['姓名', '显示名', 'name', 'displayname'], isRequired: true },
  roles: { names: ['角色', 'roles'], isRequired: false },
  password: { names: ['初始密码', '临时密码', '密码', 'password'], isRequired: false },
} as const;

const ROLE_NAMES: Record<string, MembershipRole | 'admin'> = {
  编制人: 'owner', owner: 'owner', 审核人: 'reviewer', reviewer: 'reviewer', 管理员: 'admin', admin: 'admin',
};
const ONLY = /[(（]\s*仅本单位\s*[)）]$/;

/** `审核人:4410(仅本单位)` → a role, or a message saying what is wrong with it. */
export function parseRoleCell(text: string): { roles: PlannedRole[]; isAdmin: boolean; problems: string[] } {
  const roles: PlannedRole[] = [];
  const problems: string[] = [];
  let isAdmin = false;
  for (const raw of text.split(/[;；,，\n]/).map((s) => s.trim()).filter(Boolean)) {
    const isThisUnitOnly = ONLY.test(raw);
    const [name = '', unitCode = ''] = raw.replace(ONLY, '').split(/[:：@]/).map((s) => s.trim());
    const role = ROLE_NAMES[name.toLowerCase()] ?? ROLE_NAMES[name];
    if (!role) problems.push(`角色“${raw}”无法识别（应为 编制人:单位编码、审核人:单位编码 或 管理员）`);
    else if (role === 'admin') isAdmin = true;
    else if (!unitCode) problems.push(`角色“${raw}”缺少单位编码`);
    else roles.push({ role, unitCode, isThisUnitOnly });
  }
  return { roles, isAdmin, problems };
}

const key = (r: { role: string; unitCode: string }) => `${r.role}@${r.unitCode}`;

export function planUserImport(rows: readonly SheetRow[], existing: readonly ExistingAccount[], unitCodes: ReadonlySet<string>, reserved: ReadonlySet<string> = new Set()): UserPlan {
  const [header, ...body] = rows;
  if (!header) return { items: [], errors: [{ row: 1, messages: ['文件是空的：第一行应为表头（用户名、姓名、角色、初始密码）'] }] };
  const { columns, missing } = columnsOf(header.cells, COLUMNS);
  if (missing.length > 0) return { items: [], errors: [{ row: header.row, messages: [`表头缺少：${missing.join('、')}`] }] };
  if (body.length === 0) return { items: [], errors: [{ row: header.row, messages: ['表头下没有用户'] }] };
  const byName = new Map(existing.map((u) => [u.username.toLowerCase(), u]));
  const seen = new Map<string, number>();
  const items: UserPlanItem[] = [];
  const errors: RowError[] = [];
  for (const r of body) {
    const cell = (i: number) => (i >= 0 ? (r.cells[i] ?? '') : '');
    const password = cell(columns.password) || null;
    const parsed = userCreateInput.safeParse({ username: cell(columns.username), displayName: cell(columns.displayName), password: password ?? 'x', isAdmin: false });
    const messages = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
    const username = parsed.success ? parsed.data.username : cell(columns.username);
    const roleCell = parseRoleCell(cell(columns.roles));
    messages.push(...roleCell.problems);
    for (const role of roleCell.roles) if (!unitCodes.has(role.unitCode)) messages.push(`单位 ${role.unitCode} 不存在（请先导入单位）`);
    if (reserved.has(username.toLowerCase())) messages.push(`“${username}”是系统账户，不能导入`);
    const earlier = seen.get(username.toLowerCase());
    if (earlier !== undefined) messages.push(`用户名 ${username} 与第 ${earlier} 行重复`);
    seen.set(username.toLowerCase(), r.row);
    const now = byName.get(username.toLowerCase());
    if (!now && password !== null) {
      const policy = checkPasswordPolicy(password, username);
      if (policy) messages.push(`初始密码：${policy}`);
    }
    if (messages.length > 0 || !parsed.success) {
      errors.push({ row: r.row, messages });
      continue;
    }
    const base = { row: r.row, username: now?.username ?? username, displayName: parsed.data.displayName, isAdmin: roleCell.isAdmin, roles: roleCell.roles };
    if (!now) {
      items.push({ ...base, password, action: 'create', grants: roleCell.roles, changes: [] });
      continue;
    }
    const held = new Map(now.roles.map((h) => [key(h), h]));
    const grants = roleCell.roles.filter((w) => held.get(key(w))?.isThisUnitOnly !== w.isThisUnitOnly);
    const changes: string[] = [];
    if (now.displayName !== parsed.data.displayName) changes.push('姓名');
    if (roleCell.isAdmin && !now.isAdmin) changes.push('管理员');
    if (grants.length > 0) changes.push('角色');
    items.push({ ...base, password: null, action: changes.length > 0 ? 'update' : 'unchanged', grants, changes });
  }
  return { items, errors };
}
