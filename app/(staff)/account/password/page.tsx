import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { readSession } from '@/lib/auth/request';
import { authSettings } from '@/lib/auth/policy';
import { PasswordForm } from './password-form';

export const metadata: Metadata = { title: '修改密码' };

/** The one page open to a user whose password an administrator reset. */
export default async function PasswordPage() {
  const session = await readSession();
  if (!session) redirect('/login');
  return (
    <div className="card" style={{ maxWidth: 480 }}>
      <h1>修改密码</h1>
      {session.mustChangePassword ? (
        <p className="alert alert-warn">管理员重置了你的密码，请先设置新密码；在此之前不能进行其他操作。</p>
      ) : null}
      <p className="muted">新密码至少 {authSettings.passwordMinLength} 位，须同时包含字母和数字。修改后，其他设备上的登录将失效。</p>
      <PasswordForm mustChangePassword={session.mustChangePassword} />
    </div>
  );
}
