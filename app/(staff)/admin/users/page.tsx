import type { Metadata } from 'next';
import { adminUsers } from '@/lib/admin/read';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { authSettings } from '@/lib/auth/policy';
import { AdminRoleButton, MembershipForm, NewUserForm, ReachButton, UserButtons } from './user-forms';

import { requireAdminPage } from '../load';

export const metadata: Metadata = { title: '用户与权限' };

export default async function UsersPage() {
  const actor = await requireAdminPage();
  const data = await adminUsers(actor);
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
              <th>角色与单位</th>
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
                  {u.isSystem ? (
                    <span className="muted">命令行使用的系统账户，不能登录，也不能授予角色</span>
                  ) : (
                    <>
                      {u.isAdmin ? (
                        <div className="row" style={{ gap: 6 }}>
                          <span>{ROLE_LABELS.admin}（全部单位）</span>
                          {u.id === actor.id ? null : <AdminRoleButton userId={u.id} name={u.displayName} isAdmin />}
                        </div>
                      ) : null}
                      {u.memberships.map((m) => (
                        <div key={`${m.unitId}-${m.role}`} className="row" style={{ gap: 6 }}>
                          <span>
                            {ROLE_LABELS[m.role]} · {m.unitCode} {m.unitName}
                            <span className="muted">（{m.isThisUnitOnly ? '仅本单位' : '含下级单位'}）</span>
                          </span>
                          <ReachButton
                            userId={u.id}
                            unitId={m.unitId}
                            role={m.role}
                            isThisUnitOnly={m.isThisUnitOnly}
                            label={`修改${u.displayName}在 ${m.unitCode} 的${ROLE_LABELS[m.role]}角色的范围`}
                          />
                          <MembershipForm
                            userId={u.id}
                            unitId={m.unitId}
                            role={m.role}
                            isMember={false}
                            units={units}
                            label={`撤销${u.displayName}在 ${m.unitCode} 的${ROLE_LABELS[m.role]}角色`}
                          />
                        </div>
                      ))}
                      {!u.isAdmin && u.memberships.length === 0 ? <div className="muted">尚无角色</div> : null}
                      <details style={{ marginTop: 4 }}>
                        <summary>添加角色</summary>
                        <MembershipForm userId={u.id} units={units} isMember label={`为${u.displayName}添加角色`} />
                        {u.isAdmin ? null : (
                          <div className="row" style={{ gap: 6, marginTop: 4 }}>
                            <AdminRoleButton userId={u.id} name={u.displayName} isAdmin={false} />
                          </div>
                        )}
                      </details>
                    </>
                  )}
                </td>
                <td className="nowrap">
                  {u.isDisabled ? (
                    <span className="badge badge-draft">已停用</span>
                  ) : u.isDelayed ? (
                    <span className="badge badge-warn" title="密码错误次数过多：新设备上的登录须等待，已登录过的设备不受影响">登录受限</span>
                  ) : (
                    <span className="badge badge-approved">正常</span>
                  )}
                </td>
                <td>{u.isSystem ? null : <UserButtons userId={u.id} name={u.displayName} isDisabled={u.isDisabled} isSelf={u.id === actor.id} />}</td>
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
