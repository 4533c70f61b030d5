import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { sectionByCode, sectionTables } from '@/lib/projects/section';
import { PublishedTable } from '@/app/ui/published-table';
import { parseYear } from '@/lib/http/params';
import { formatTime } from '@/lib/format/time';
import { sectionTotal } from '@/lib/projects/disclosure-index';
import { publicSelfEvals } from '@/lib/selfeval/page';
import { SelfEvalSheetTable } from '@/app/ui/selfeval-sheet';

type Params = Promise<{ unit: string; year: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { unit, year } = await params;
  return { title: `${unit} ${year} 年度绩效目标表` };
}

export default async function DisclosurePage({ params }: { params: Params }) {
  await connection();
  const { unit, year } = await params;
  const y = parseYear(year);
  const section = /^[0-9A-Za-z]{3,20}$/.test(unit) && y !== null ? await sectionByCode(unit, y, { includeDrafts: false }) : null;
  if (!section || section.entries.length === 0) notFound();
  const tables = await sectionTables(section);
  // Approved 自评表, only while the unit-year's 公开自评 switch is on (issue 15).
  const selfEvals = await publicSelfEvals(section.unitYearId);
  const base = `/api/disclosure/${section.unit.code}/${section.year}`;
  return (
    <main className="page">
      <p className="muted no-print" style={{ margin: 0 }}>
        <Link href="/disclosure">← 全部单位</Link>
      </p>
      <h1>
        {section.unit.code} {section.unit.name} {section.year} 年单位预算 · 五、单位项目预算安排情况及绩效目标
      </h1>
      <p className="muted">
        公开单位：{section.unit.name}（{section.unit.code}） · 公开日期：{formatTime(section.asOf.getTime()).slice(0, 10)} · 共 {tables.length} 张经审核的表
      </p>
      <div className="card row no-print" aria-label="下载">
        <strong>下载全部 {tables.length} 张表：</strong>
        <a className="btn" href={`${base}/export?format=xlsx`}>Excel</a>
        <a className="btn" href={`${base}/export?format=pdf`}>PDF</a>
        <a className="btn" href={`${base}/export?format=text`}>公开文本</a>
        <a className="btn" href={`${base}`}>JSON 数据</a>
      </div>
      <nav className="card no-print" aria-label="目录">
        <table className="grid" aria-label="项目目录">
          <thead>
            <tr>
              <th scope="col">序号</th>
              <th scope="col">项目名称</th>
              <th scope="col" className="num">
                预算数（万元）
              </th>
              <th scope="col">下载本表</th>
            </tr>
          </thead>
          <tbody>
            {tables.map((t) => (
              <tr key={t.projectId}>
                <td>{t.number}</td>
                <td>
                  <a href={`#t${t.number}`}>{t.table.name}</a>
                </td>
                <td className="num">{t.table.budget.total}</td>
                <td>
                  <a href={`${base}/export?format=xlsx&project=${encodeURIComponent(t.table.code)}`} aria-label={`下载 ${t.table.name} 的 Excel`}>
                    Excel
                  </a>{' '}
                  <a href={`${base}/export?format=pdf&project=${encodeURIComponent(t.table.code)}`} aria-label={`下载 ${t.table.name} 的 PDF`}>
                    PDF
                  </a>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                合计
              </th>
              <td className="num">{sectionTotal(tables.map((t) => t.table.budget.total))}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </nav>
      {tables.map((t, i) => (
        <section key={t.projectId} id={`t${t.number}`} className={`card ${i > 0 ? 'print-break' : ''}`}>
          <PublishedTable table={t.table} number={t.number} />
        </section>
      ))}
      {selfEvals && selfEvals.sheets.length > 0 ? (
        <section aria-label="项目支出绩效自评结果" className="print-break">
          <h2>项目支出绩效自评结果</h2>
          <p className="muted">
            共 {selfEvals.sheets.length} 张经审核的自评表 · 平均得分 {selfEvals.rollup.average ?? '—'}
          </p>
          {selfEvals.sheets.map((s) => (
            <section key={s.projectCode} className="card">
              <SelfEvalSheetTable sheet={s} />
            </section>
          ))}
        </section>
      ) : null}
    </main>
  );
}
