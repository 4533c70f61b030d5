import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { z } from 'zod';
import { requireActor } from '@/lib/auth/request';
import { pageParam, searchParam, searchProblem } from '@/lib/http/params';
import { unitYearPickerPage } from '@/lib/projects/list';

export const metadata: Metadata = { title: '选择单位与年度' };

const PAGE_SIZE = 50;

const paramsSchema = z.object({
  q: searchParam,
  next: z.enum(['/projects', '/exports']).catch('/projects'),
  page: pageParam,
});

/** Every unit-year the user may see, searchable and paged: the picker for users who see many units. */
export default async function UnitYearsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const actor = await requireActor();
  const raw = await searchParams;
  const params = paramsSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  // A search over the limit is refused with its reason and lists nothing, rather than listing everything.
  const refused = searchProblem(params.q);
  const { rows, total, page, pageCount } = refused
    ? { rows: [], total: 0, page: 1, pageCount: 1 }
    : await unitYearPickerPage(actor, params.q, params.page ?? 1, PAGE_SIZE);
  const pageHref = (n: number) => `/unit-years?${new URLSearchParams({ ...(params.q ? { q: params.q } : {}), next: params.next, page: String(n) })}`;
  return (
    <>
      <h1>选择单位与年度</h1>
      <form className="card row" method="get" action="/unit-years" role="search" aria-label="查找单位与年度">
        <input type="hidden" name="next" value={params.next} />
        <label htmlFor="q">查找</label>
        <input id="q" name="q" type="search" placeholder="单位编码、名称或年度" defaultValue={params.q ?? ''} />
        <button className="btn" type="submit">
          查找
        </button>
        <span className="muted">共 {total} 个</span>
      </form>
      {refused ? (
        <p className="alert alert-error" role="alert">
          {refused}
        </p>
      ) : null}
      <table className="grid" aria-label="单位与年度">
        <thead>
          <tr>
            <th scope="col">单位编码</th>
            <th scope="col">单位名称</th>
            <th scope="col">年度</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={3} className="muted" style={{ textAlign: 'center', padding: 24 }}>
                没有符合条件的单位与年度
              </td>
            </tr>
          ) : null}
          {rows.map((u) => (
            <tr key={u.id}>
              <td className="nowrap">{u.unitCode}</td>
              <td>
                <Link href={`${params.next}?uy=${u.id}`}>{u.unitName}</Link>
              </td>
              <td>{u.year}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pageCount > 1 ? (
        <nav className="pager" aria-label="分页">
          {page > 1 ? <a className="btn btn-small" href={pageHref(page - 1)}>上一页</a> : null}
          <span>
            第 {page} / {pageCount} 页
          </span>
          {page < pageCount ? <a className="btn btn-small" href={pageHref(page + 1)}>下一页</a> : null}
        </nav>
      ) : null}
    </>
  );
}
