import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { readSession } from '@/lib/auth/request';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: '登录' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const session = await readSession();
  if (session) redirect(session.mustChangePassword ? '/account/password' : '/projects');
  const { next } = await searchParams;
  return (
    <main className="login-wrap">
      <div className="card login-card">
        <h1>绩效目标管理</h1>
        <p className="muted" style={{ textAlign: 'center', marginTop: -4 }}>
          单位项目支出绩效目标表的编制、审核与公开
        </p>
        <LoginForm next={typeof next === 'string' ? next : undefined} />
        <p className="muted" style={{ fontSize: 13, marginBottom: 0 }}>
          公众可直接查看 <a href="/disclosure">已公开的绩效目标表</a>。
        </p>
      </div>
    </main>
  );
}
