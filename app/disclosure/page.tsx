import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { publishedUnitYears } from '@/lib/projects/section';
import { SEARCH_FROM, searchUnitYears } from '@/lib/projects/disclosure-index';
import { searchParam, searchProblem } from '@/lib/http/params';

export const metadata: Metadata = { title: '绩效目标公开' };

export default async function DisclosureIndex({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  await connection();
  const all = await publishedUnitYears();
  const raw = (await searchParams).q;
  const parsed = searchParam.parse(Array.isArray(raw) ? raw[0] : raw) || undefined;
  const refused = searchProblem(parsed);
  const q = refused ? undefined : parsed;
  const years = refused ? [] : searchUnitYears(all, q);
  return (
    <main className="page">
      <h1>单位项目支出绩效目标公开</h1>
      <p className="muted">以下为经审核的单位项目支出绩效目标表，可在线查看或下载 Excel、PDF。</p>
      {all.length > SEARCH_FROM ? (
        <form className="card row" role="search" action="/disclosure">
          <label htmlFor="disclosure-q">查找单位</label>
          <input id="disclosure-q" name="q" type="search" defaultValue={q ?? ''} placeholder="单位编码、名称或年度" maxLength={50} />
          <button type="submit" className="btn">查找</button>
          {q ? <Link href="/disclosure">全部</Link> : null}
        </form>
      ) : null}
      {years.length === 0 ? (
        <div className="card">{refused ?? (q ? `没有与“${q}”相符的单位年度。` : '暂无已公开的绩效目标表。')}</div>
      ) : (
        <table className="grid" aria-label="已公开的单位年度">
          <thead>
            <tr>
              <th>单位编码</th>
              <th>单位名称</th>
              <th>年度</th>
              <th className="num">已公开的表</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y.id}>
                <td>{y.unitCode}</td>
                <td>
                  <Link href={`/disclosure/${y.unitCode}/${y.year}`}>{y.unitName}</Link>
                </td>
                <td>{y.year}</td>
                <td className="num">{y.approved}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
