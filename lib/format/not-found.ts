/**
 * Where the "page not found" pages send people. The public one (any unknown address, seen by anyone)
 * points only to public pages: a visitor from a disclosure link must not be sent to a sign-in wall, nor
 * be told which staff pages exist. Staff pages that find no table use their own page, inside the staff
 * layout, which leads back to the project list.
 */
export type PageLink = { href: string; label: string };

export const PUBLIC_NOT_FOUND_LINKS: readonly PageLink[] = [{ href: '/disclosure', label: '查看已公开的绩效目标表' }];

export const STAFF_NOT_FOUND_LINKS: readonly PageLink[] = [{ href: '/projects', label: '返回项目列表' }];

/** The top-level paths only signed-in people can open (the (staff) route group). */
export const STAFF_PATHS = ['/projects', '/review', '/exports', '/admin', '/account', '/unit-years', '/monitoring', '/departments', '/tasks', '/selfeval'] as const;

export function isStaffPath(href: string): boolean {
  return STAFF_PATHS.some((p) => href === p || href.startsWith(`${p}/`) || href.startsWith(`${p}?`));
}
