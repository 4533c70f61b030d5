import type { Metadata } from 'next';
import { adminUsers } from '@/lib/admin/read';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { authSettings } from '@/lib/auth/policy';
import { MembershipForm, NewUserForm, UserButtons } from './user-forms';

import { requireAdminPage } from '../load';

export const metadata: Metadata = { title: '用户与权限' };

export default async function UsersPage() {
  const actor = await requireAdminPage();
  const data = adminUsers(actor);
  const units = data.units.map((u) => ({ id: u.id, label: `${u.code} ${u.name}` }));
  return (
    <>
      <h1>用户与权限</h1>
      <section className="card">
        <table className="grid" aria-label="用户">
          <thead>
            <tr>
              <th>用户名</th>
              <th>姓名</th>
              <th>角色</th>
              <th>状态</th>
              <th>操作</th>
            </tr>
          </thead>
          <tbody>
            {data.users.map((u) => (
              <tr key={u.id}>
                <td>{u.username}</td>
                <td>{u.displayName}</td>
                <td>
                  {u.isAdmin ? <div>{ROLE_LABELS.admin}</div> : null}
                  {u.memberships.map((m) => (
                    <div key={`${m.unitId}-${m.role}`}>
                      {ROLE_LABELS[m.role]} · {m.unitCode} {m.unitName}{' '}
                      <MembershipForm userId={u.id} unitId={m.unitId} role={m.role} isMember={false} units={units} />
                    </div>
                  ))}
                  <MembershipForm userId={u.id} units={units} isMember />
                </td>
                <td>{u.isDisabled ? '已停用' : u.isLocked ? '已锁定' : '正常'}</td>
                <td>
                  <UserButtons userId={u.id} isDisabled={u.isDisabled} isSelf={u.id === actor.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>新建用户</h2>
        <p className="muted">初始密码至少 {authSettings.passwordMinLength} 位并同时包含字母和数字；用户首次登录时须修改密码。</p>
        <NewUserForm />
      </section>
    </>
  );
}
