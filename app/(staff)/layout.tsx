import { requireActor } from '@/lib/auth/request';
import { can, unitsWith } from '@/lib/auth/permissions';
import { NavLinks } from '@/app/ui/nav-links';
import { signOut } from './account/actions';

export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const reviewUnits = unitsWith(actor, 'project.review');
  const links = [
    { href: '/projects', label: '项目' },
    ...(reviewUnits === null || reviewUnits.length > 0 ? [{ href: '/review', label: '审核' }] : []),
    { href: '/exports', label: '导出' },
    ...(can(actor, 'admin.manage', null) ? [{ href: '/admin', label: '管理' }] : []),
  ];
  return (
    <>
      <header className="topbar">
        <div className="topbar-inner">
          <a className="brand" href="/projects">
            绩效目标管理
          </a>
          <NavLinks links={links} />
          <div className="usermenu">
            <span>{actor.displayName}</span>
            <a href="/account/password">修改密码</a>
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
