/** The demo accounts, one per role (data only, so tests can import it without the server). */
import type { MembershipRole } from '@/db/schema';

export type DemoAccount = { username: string; password: string; displayName: string; role: MembershipRole | 'admin'; label: string };

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', password: 'Guanli2024', displayName: '系统管理员', role: 'admin', label: '管理员' },
  { username: 'owner', password: 'Bianzhi2024', displayName: '张编制', role: 'owner', label: '编制人（441001）' },
  { username: 'reviewer', password: 'Shenhe2024', displayName: '李审核', role: 'reviewer', label: '审核人（441001）' },
];

export function describeDemoAccounts(): string {
  return [
    '演示账户（首次启动时创建；正式使用前请修改密码或停用）：',
    ...DEMO_ACCOUNTS.map((a) => `  ${a.label}：用户名 ${a.username}，密码 ${a.password}`),
  ].join('\n');
}
