import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/request';
import { selfEvalIndex } from '@/lib/selfeval/page';

export const metadata: Metadata = { title: '绩效自评' };

export default async function SelfEvalIndexPage() {
  await connection();
  const actor = await requireActor();
  const { rounds, isAdmin } = await selfEvalIndex(actor);
  return (
    <>
      <div className="row">
        <h1>绩效自评</h1>
        <span className="spacer" />
        {isAdmin ? (
          <Link className="btn btn-primary" href="/selfeval/open">
            开启自评
          </Link>
        ) : null}
      </div>
      {rounds.length === 0 ? (
        <div className="card">还没有开启任何年度的绩效自评。{isAdmin ? '点击“开启自评”为已结束的预算年度开启自评。' : '绩效自评由管理员在年度结束后开启。'}</div>
      ) : (
        <table className="grid" aria-label="已开启绩效自评的年度">
          <thead>
            <tr>
              <th scope="col">单位</th>
              <th scope="col">年度</th>
              <th scope="col" className="num">
                自评表
              </th>
              <th scope="col">公开自评</th>
            </tr>
          </thead>
          <tbody>
            {rounds.map((r) => (
              <tr key={r.id}>
                <td>
                  {r.unitCode} {r.unitName}
                </td>
                <td>
                  <Link href={`/selfeval/unit-years/${r.unitYearId}`}>{r.year} 年度绩效自评</Link>
                </td>
                <td className="num">{r.count}</td>
                <td>{r.isPublic ? '已公开' : '未公开'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
