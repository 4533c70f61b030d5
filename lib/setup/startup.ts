import { describeDatabase, ready, startupExclusive } from '@/db/client';
import { findUserByUsername, listUnfoldedUsernames } from '@/db/queries/users';
import { verifyPassword } from '@/lib/auth/password';
import { ensureBaseData } from './bootstrap';
import { DEMO_ACCOUNTS, describeDemoAccounts, loadDemo } from './demo';

async function demoAccountsStillDefault(): Promise<boolean> {
  for (const a of DEMO_ACCOUNTS) {
    const u = await findUserByUsername(a.username);
    if (u && !u.isDisabled && (await verifyPassword(a.password, u.passwordHash))) return true;
  }
  return false;
}

/**
 * Usernames fold case; the migration lower-cased every one it could. One that differs from another
 * account only in case could not be, and cannot sign in (what is typed is lower-cased) until renamed.
 */
export async function unfoldedUsernamesWarning(): Promise<string | null> {
  const unfolded = await listUnfoldedUsernames();
  if (unfolded.length === 0) return null;
  const names = unfolded.map((u) => `“${u.username}”（与 ${u.clashesWith.map((c) => `“${c}”`).join('、')} 只差大小写）`).join('；');
  return `用户名不区分大小写，以下账户无法自动改为小写、在改名之前不能登录，请在数据库中为其改名（users.username）后重启：${names}`;
}

export async function startup(): Promise<void> {
  await ready();
  // Several app servers may start together on one empty PostgreSQL database: one seeds, the others
  // then find it done (their check-then-insert would otherwise collide on the unique keys).
  await startupExclusive(async () => {
    await ensureBaseData();
    if (process.env.DEMO_DATA !== '0') {
      const demo = await loadDemo();
      if (demo.isLoaded) console.log(`已载入演示数据：单位 441001，2024 年度，${demo.tables} 张绩效目标表。`);
    }
  });
  console.log(`数据库：${describeDatabase()}`);
  const unfolded = await unfoldedUsernamesWarning();
  if (unfolded) console.warn(unfolded);
  if (await demoAccountsStillDefault()) console.log(describeDemoAccounts());
}

/** The server's start: without its database the app could only fail every request, so it says why and stops. */
export async function startupOrExit(): Promise<void> {
  try {
    await startup();
  } catch (error) {
    console.error(`无法启动服务：${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
