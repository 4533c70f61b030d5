import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { adminUnitYear } from '@/lib/admin/read';
import { formatWanyuan } from '@/lib/domain/money';
import { FindingCounts } from '@/app/ui/status-badge';
import { requireAdminPage } from '../../load';
import { RenumberForm } from './renumber-form';
import { UnitYearSettings } from './settings-form';
import { parseId } from '@/lib/http/params';

export const metadata: Metadata = { title: '预算年度设置' };

export default async function UnitYearPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireAdminPage();
  const id = parseId((await params).id);
  const data = id ? await adminUnitYear(actor, id) : null;
  if (!data) notFound();
  const s = data.summary;
  return (
    <>
      <p style={{ margin: '0 0 8px' }}>
        <Link href="/admin/units">← 单位与预算年度</Link>
      </p>
      <h1>
        {s.unitCode} {s.unitName} · {s.year} 年度设置
      </h1>
      <section className="card" aria-label="本年度概况">
        <dl className="row" style={{ margin: 0, gap: '8px 28px' }}>
          <div>
            <dt className="muted">项目数</dt>
            <dd style={{ margin: 0 }}>{s.projectCount}</dd>
          </div>
          <div>
            <dt className="muted">项目预算合计</dt>
            <dd style={{ margin: 0 }}>{formatWanyuan(s.budgetSumYuan)} 万元</dd>
          </div>
          <div>
            <dt className="muted">当前检查结果</dt>
            <dd style={{ margin: 0 }}>
              <FindingCounts errors={data.findings.errors} warnings={data.findings.warnings} />
              {data.findings.tablesWithErrors > 0 ? <span className="muted">（{data.findings.tablesWithErrors} 张表有错误，不能提交审核）</span> : null}
            </dd>
          </div>
        </dl>
      </section>
      <UnitYearSettings
        unitYearId={s.id}
        frameworks={data.frameworks}
        frameworkId={s.frameworkId}
        projectExpenditure={s.projectExpenditureYuan === null ? '' : formatWanyuan(s.projectExpenditureYuan)}
        budgetSumYuan={s.budgetSumYuan}
        savedProfile={data.profile}
        basis={data.basis}
      />
      <RenumberForm unitYearId={s.id} approved={data.numbering.approved} isInOrder={data.numbering.isInOrder} />
    </>
  );
}
