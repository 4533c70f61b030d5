/** Usernames fold case (issue 20 item 13): `Admin` is `admin`, in sign-in, in new accounts and in stored data. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rawAll, rawRun, write } from '@/db/client';
import { findUserByUsername, insertUser } from '@/db/queries/users';
import { userCreateInput } from '@/lib/admin/schemas';
import { freshDatabase, isPostgresRun } from '@/lib/testing/db';
import { unfoldedUsernamesWarning } from '@/lib/setup/startup';
import { hashPassword } from './password';
import { signInSchema } from './schemas';
import { checkCredentials } from './sign-in';

const PASSWORD = 'Zhengque2024';
let hash = '';

beforeAll(async () => {
  await freshDatabase();
  hash = await hashPassword(PASSWORD);
});

describe('usernames fold case', () => {
  it('stores a new account lower-case and signs it in however the name is typed', async () => {
    expect(userCreateInput.parse({ username: 'Wang.Li', displayName: '王力', password: 'x', isAdmin: false }).username).toBe('wang.li');
    expect(signInSchema.parse({ username: 'WANG.LI', password: 'x' }).username).toBe('wang.li');
    await write(() => insertUser({ username: 'Wang.Li', displayName: '王力', passwordHash: hash, isAdmin: false, mustChangePassword: false }));
    expect((await findUserByUsername('wang.li'))?.username).toBe('wang.li');
    expect((await findUserByUsername('WANG.LI'))?.username).toBe('wang.li');
    for (const typed of ['wang.li', 'Wang.Li', 'WANG.LI']) expect((await checkCredentials(typed, PASSWORD, '10.1.0.1')).ok).toBe(true);
  });

  it('counts failures once however the name is typed, so changing case does not buy more guesses', async () => {
    await write(() => insertUser({ username: 'casey', displayName: 'casey', passwordHash: hash, isAdmin: false, mustChangePassword: false }));
    for (const typed of ['casey', 'Casey', 'CASEY', 'cAsey', 'caSey']) expect(await checkCredentials(typed, 'cuowu-1x', '10.1.0.2')).toMatchObject({ reason: 'invalid' });
    expect(await checkCredentials('CaSeY', PASSWORD, '10.1.0.3')).toMatchObject({ ok: false, reason: 'delayed' });
  });

  it('the migration lower-cases stored usernames unless two would collide, and start-up names those', async () => {
    const insert = (username: string) =>
      rawRun(sql`insert into users (username, display_name, password_hash, password_changed_at, created_at) values (${username}, ${username}, ${hash}, 0, 0)`);
    await write(async () => {
      for (const u of ['Alpha', 'Bravo', 'bravo']) await insert(u);
    });
    expect(await unfoldedUsernamesWarning()).toContain('“Alpha”');
    // The migration as shipped for this engine, run again over the rows written around it.
    const file = isPostgresRun() ? 'db/migrations-pg/0008_fold_username_case.sql' : 'db/migrations/0009_fold_username_case.sql';
    await write(() => rawRun(sql.raw(fs.readFileSync(path.join(process.cwd(), file), 'utf8'))));
    const names = (await rawAll<{ username: string }>(sql`select username from users where lower(username) in ('alpha', 'bravo') order by username`)).map((r) => r.username);
    expect(names.sort()).toEqual(['Bravo', 'alpha', 'bravo'].sort());
    const warning = await unfoldedUsernamesWarning();
    expect(warning).toContain('“Bravo”（与 “bravo” 只差大小写）');
    expect(warning).not.toContain('Alpha');
  });
});
