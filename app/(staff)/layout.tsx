import { redirect } from 'next/navigation';
import { readSession } from '@/lib/auth/request';
import { can, unitsWith } from '@/lib/auth/permissions';
import { NavLinks } from '@/app/ui/nav-links';
import { myTasks, taskCount } from '@/lib/tasks/read';
import { signOut } from './account/actions';

/**
 * Requires a signed-in user. While a reset password must still be changed, the header offers only
 * the password page and sign-out; every page and action refuses on its own as well (requireActor,
 * defineAction), since a layout is not re-checked on every navigation.
 */
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const session = await readSession();
  if (!session) redirect('/login');
  const { actor, mustChangePassword } = session;
  const reviewUnits = unitsWith(actor, 'project.review');
  const pending = mustChangePassword ? 0 : taskCount(await myTasks(actor));
  const links = mustChangePassword
    ? [{ href: '/account/password', label: '修改密码' }]
    : [
        { href: '/tasks', label: pending > 0 ? `待办（${pending}）` : '待办' },
        { href: '/projects', label: '项目' },
        ...(reviewUnits === null || reviewUnits.length > 0 ? [{ href: '/review', label: '审核' }] : []),
        { href: '/monitoring', label: '监控' },
        { href: '/selfeval', label: '自评' },
        // Departments are reviewed from above: the roll-up is for reviewers and administrators (issue 18).
        ...(reviewUnits === null || reviewUnits.length > 0 || actor.isAdmin ? [{ href: '/departments', label: '部门汇总' }] : []),
        { href: '/exports', label: '导出' },
        ...(can(actor, 'admin.manage', null) ? [{ href: '/admin', label: '管理' }] : []),
      ];
  return (
    <>
      <header className="topbar">
        <div className="topbar-inner">
          <a className="brand" href={mustChangePassword ? '/account/password' : '/projects'}>
            绩效目标管理
          </a>
          <NavLinks links={links} />
          <div className="usermenu">
            <span>{actor.displayName}</span>
            {mustChangePassword ? null : <a href="/account/password">修改密码</a>}
            <form action={signOut}>
              <button type="submit">退出</button>
            </form>
          </div>
        </div>
      </header>
      <main className="page">{children}</main>
    </>
  );
}
