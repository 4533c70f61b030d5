/** The demo accounts, one per role (data only, so tests can import it without the server). */
import type { MembershipRole } from '@/db/schema';

export type DemoAccount = { username: string; password: string; displayName: string; role: MembershipRole | 'admin'; label: string };

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', password: 'Guanli2024', displayName: '系统管理员', role: 'admin', label: '管理员' },
  { username: 'owner', password: 'Bianzhi2024', displayName: '张编制', role: 'owner', label: '编制人（441001）' },
  { username: 'reviewer', password: 'Shenhe2024', displayName: '李审核', role: 'reviewer', label: '审核人（441001）' },
];

/** DEMO_DATA=trial: a local trial, where the printed demo passwords may be used as they are. */
export function isDemoTrial(): boolean {
  return process.env.DEMO_DATA === 'trial';
}

export function describeDemoAccounts(): string {
  const rule = isDemoTrial()
    ? 'DEMO_DATA=trial：本地试用，演示账户不必修改密码即可使用；此设置只用于本机试用，切勿用于他人能访问的服务器'
    : '首次登录时须修改密码（只在本机试用时可设 DEMO_DATA=trial 免去这一步）';
  return [
    `演示账户（首次启动时创建；${rule}；正式使用前请停用）：`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.label}：用户名 ${a.username}，密码 ${a.password}`),
  ].join('\n');
}
