/** Valid tables for the scripts, helpers to create them through the app's own actions, and extra owners. */
import { sampleTable } from '@/lib/testing/tables';
import { Client, outcome } from './http';

export function scriptTable(code: string, purpose = '可靠性测试') {
  return { ...sampleTable(code), name: `可靠性测试表 ${code}`, purpose };
}

const BASE = sampleTable('X');
const REAL_ROWS = BASE.indicators.filter((r) => !r.isPlaceholder);
const PLACEHOLDERS = BASE.indicators.filter((r) => r.isPlaceholder);

/** How many real rows and plan checkpoints the content of `version` has: both vary from save to save. */
export function versionShape(version: number): { realRows: number; rows: number; checkpoints: number } {
  const realRows = 2 + (version % 9);
  return { realRows, rows: realRows + PLACEHOLDERS.length, checkpoints: 2 + (version % 3) };
}

export const VERSION_PURPOSE = (version: number) => `版本 ${version}`;
export const VERSION_ROW_PREFIX = (version: number) => `v${version} `;

/**
 * A table whose content names the version it becomes when saved: the purpose says it, every real row's
 * name starts with it, and the number of rows and checkpoints depends on it. A table half-written by
 * a crash (new header with old rows, or the reverse) cannot pass for a whole one.
 */
export function versionedTable(code: string, version: number) {
  const shape = versionShape(version);
  const real = Array.from({ length: shape.realRows }, (_, i) => ({ ...REAL_ROWS[i % REAL_ROWS.length]!, name: `${VERSION_ROW_PREFIX(version)}第 ${i + 1} 项` }));
  return {
    ...BASE,
    code,
    name: `可靠性测试表 ${code}`,
    purpose: VERSION_PURPOSE(version),
    schedule: BASE.schedule.slice(0, shape.checkpoints),
    indicators: [...real, ...PLACEHOLDERS],
  };
}

export async function demoUnitYearId(client: Client): Promise<number> {
  const r = await client.get('/api/unit-years');
  const list = (r.json as { unitYears?: { id: number; unitCode: string; year: number }[] }).unitYears ?? [];
  const found = list.find((u) => u.unitCode === '441001' && u.year === 2024) ?? list[0];
  if (!found) throw new Error(`cannot find the demo unit-year: ${JSON.stringify(r.json).slice(0, 200)}`);
  return found.id;
}

export async function demoUnitId(admin: Client): Promise<number> {
  const r = await admin.get('/api/unit-years');
  const found = ((r.json as { unitYears?: { unitId: number; unitCode: string }[] }).unitYears ?? []).find((u) => u.unitCode === '441001');
  if (!found) throw new Error('cannot find the demo unit');
  return found.unitId;
}

export async function createScriptTable(client: Client, unitYearId: number, code: string, table: unknown = scriptTable(code)): Promise<number> {
  const r = outcome(await client.action('createTableAction', [{ unitYearId, table }]));
  if (!r.ok) throw new Error(`could not create table ${code}: ${r.code}`);
  return (r.data as { projectId: number }).projectId;
}

const MEMBER_PASSWORD = 'Kekao2024x';

/**
 * A new account with one role in one unit, made the way an administrator makes it: create the user,
 * give the role, and let the user set a password at first sign-in.
 */
export async function createMember(admin: Client, unitId: number, role: 'owner' | 'reviewer', username: string): Promise<{ username: string; password: string }> {
  const initial = `Chushi${String(Date.now()).slice(-6)}`;
  const created = outcome(await admin.action('createUserAction', [{ username, displayName: username, password: initial, isAdmin: false }]));
  if (!created.ok) throw new Error(`could not create ${username}: ${created.code}`);
  const userId = (created.data as { userId: number }).userId;
  const member = outcome(await admin.action('setMembershipAction', [{ userId, unitId, role, isMember: true }]));
  if (!member.ok) throw new Error(`could not give ${username} the role ${role}: ${member.code}`);
  const user = new Client(admin.base, admin.ids);
  await user.signIn(username, initial);
  const changed = outcome(await user.action('changePassword', [{ current: initial, password: MEMBER_PASSWORD, confirm: MEMBER_PASSWORD }]));
  if (!changed.ok) throw new Error(`${username} could not set a password: ${changed.code}`);
  return { username, password: MEMBER_PASSWORD };
}

/** `count` owners of the demo unit: the demo owner plus new accounts. */
export async function demoOwners(base: string, ids: Map<string, string>, count: number): Promise<{ username: string; password: string }[]> {
  const owners = [{ username: 'owner', password: 'Bianzhi2024' }];
  if (count <= 1) return owners;
  const admin = new Client(base, ids);
  await admin.signIn('admin', 'Guanli2024');
  const unitId = await demoUnitId(admin);
  const stamp = String(Date.now()).slice(-6);
  for (let i = 2; i <= count; i++) owners.push(await createMember(admin, unitId, 'owner', `rel${stamp}o${i}`));
  return owners;
}
