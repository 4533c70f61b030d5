import type { Metadata } from 'next';
import Link from 'next/link';
import { curationList } from '@/lib/library/curation';
import { requireAdminPage } from '../load';
import { CurationTable } from './curation-table';
import { StandardImport } from './standard-import';

export const metadata: Metadata = { title: '指标库管理' };

const SHOW_LABELS = { active: '在用', standard: '标准指标', retired: '已停用' } as const;

export default async function LibraryAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdminPage();
  const { query, rows, total, pages } = await curationList(await searchParams);
  const pageHref = (page: number) => `/admin/library?${new URLSearchParams({ q: query.q, show: query.show, page: String(page) }).toString()}`;
  return (
    <>
      <h1>指标库管理</h1>
      <div className="card">
        <p style={{ marginTop: 0 }}>
          指标库从审核通过的表中学习。近似重复的指标（如“案件结案率(%)”与“案件结案率”）可合并：合并后两者的使用次数、常用值和来源合在一起，重建指标库后仍然合并。停用的指标不再出现在输入建议和“挑选指标”中。
        </p>
        <form className="row" method="get" action="/admin/library" role="search" aria-label="搜索指标">
          <label htmlFor="lib-q">三级指标</label>
          <input id="lib-q" name="q" defaultValue={query.q} placeholder="如：满意度" />
          <label htmlFor="lib-show">范围</label>
          <select id="lib-show" name="show" defaultValue={query.show}>
            {(Object.keys(SHOW_LABELS) as (keyof typeof SHOW_LABELS)[]).map((k) => (
              <option key={k} value={k}>
                {SHOW_LABELS[k]}
              </option>
            ))}
          </select>
          <button className="btn" type="submit">
            搜索
          </button>
          <span className="muted">共 {total} 条</span>
        </form>
      </div>
      <CurationTable rows={rows} />
      {pages > 1 ? (
        <nav className="row" aria-label="分页">
          {query.page > 1 ? <Link href={pageHref(query.page - 1)}>上一页</Link> : null}
          <span>
            第 {query.page} / {pages} 页
          </span>
          {query.page < pages ? <Link href={pageHref(query.page + 1)}>下一页</Link> : null}
        </nav>
      ) : null}
      <section className="card" aria-labelledby="std-title">
        <h2 id="std-title">标准指标库（XLSX）</h2>
        <p>
          列：framework（cz2015 或 cz2021）、一级、二级、三级、指标解释、计算方法、取值参考、计量单位、指标值确定依据（见 README“标准指标库”）。先预览，有错的行逐行列出；有错时不导入任何内容，重复导入同一文件不改变任何数据。
        </p>
        <p>
          <a className="btn" href="/api/library/standard" download>
            导出标准指标库
          </a>
        </p>
        <StandardImport />
      </section>
    </>
  );
}
