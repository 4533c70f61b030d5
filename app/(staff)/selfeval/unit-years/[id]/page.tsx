import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { StatusBadge } from '@/app/ui/status-badge';
import { requireActor } from '@/lib/auth/request';
import { centsText, GRADES } from '@/lib/domain/selfeval';
import { parsePage } from '@/lib/http/params';
import { unitYearScores } from '@/lib/selfeval/page';
import { ExportButtons } from '../../export-buttons';
import { PublicSwitch } from './public-switch';

export const metadata: Metadata = { title: '年度绩效自评' };

export default async function UnitYearSelfEvalPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string | string[] }> }) {
  await connection();
  const actor = await requireActor();
  const id = Number((await params).id);
  const page = Number.isSafeInteger(id) && id > 0 ? await unitYearScores(actor, id, parsePage((await searchParams).page)) : null;
  if (!page) notFound();
  const { rollup } = page;
  return (
    <>
      <div className="row">
        <Link href="/selfeval">← 绩效自评</Link>
        <span className="spacer" />
        {page.canExport ? <ExportButtons href={`/api/selfeval/unit-years/${page.unitYear.id}/export`} /> : null}
      </div>
      <h1>
        {page.unitCode} {page.unitName} {page.unitYear.year} 年度绩效自评
      </h1>
      <section className="card row" aria-label="汇总">
        <span>
          自评表 {page.total} 张，已评分 {rollup.scored} 张
        </span>
        <span>
          平均得分 <strong data-testid="average">{rollup.average ?? '—'}</strong>
        </span>
        {GRADES.map((g) => (
          <span key={g} data-testid={`grade-count-${g}`}>
            {g} {rollup.distribution[g]}
          </span>
        ))}
      </section>
      <section className="card row" aria-label="公开设置">
        {page.canSwitch ? (
          <PublicSwitch unitYearId={page.unitYear.id} isPublic={page.round.isPublic} />
        ) : (
          <span>公开自评：{page.round.isPublic ? '已公开' : '未公开'}</span>
        )}
        <span className="muted">公开后，已审核的自评表显示在公开页面上，位于绩效目标表之后。</span>
      </section>
      <table className="grid" aria-label="自评得分">
        <thead>
          <tr>
            <th scope="col">项目编码</th>
            <th scope="col">项目名称</th>
            <th scope="col">状态</th>
            <th scope="col" className="num">
              自评得分
            </th>
            <th scope="col">等级</th>
          </tr>
        </thead>
        <tbody>
          {page.rows.map((r) => (
            <tr key={r.id} data-row={r.name}>
              <td>{r.code}</td>
              <td>
                <Link href={`/selfeval/${r.id}`}>{r.name}</Link>
              </td>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td className="num">{r.scoreCents === null ? '—' : centsText(r.scoreCents)}</td>
              <td>{r.grade ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {page.pages > 1 ? (
        <nav className="pager" aria-label="分页">
          {page.page > 1 ? <a className="btn btn-small" href={`?page=${page.page - 1}`}>上一页</a> : null}
          <span>
            第 {page.page} / {page.pages} 页
          </span>
          {page.page < page.pages ? <a className="btn btn-small" href={`?page=${page.page + 1}`}>下一页</a> : null}
        </nav>
      ) : null}
    </>
  );
}
