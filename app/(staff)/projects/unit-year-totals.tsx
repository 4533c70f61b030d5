import type { UnitYearSummary } from '@/lib/projects/list';
import { formatWanyuan } from '@/lib/domain/money';

/** The unit-year's sum of project budgets beside its 项目支出: equal, or the difference highlighted. */
export function UnitYearTotals({ summary }: { summary: UnitYearSummary }) {
  const expenditure = summary.projectExpenditureYuan;
  const diff = expenditure === null ? null : summary.budgetSumYuan - expenditure;
  return (
    <section className="card totals" aria-label="本年度合计">
      <div>
        <div className="muted">项目数</div>
        <div className="big">{summary.projectCount}</div>
      </div>
      <div>
        <div className="muted">项目预算合计（万元）</div>
        <div className="big">{formatWanyuan(summary.budgetSumYuan)}</div>
      </div>
      <div>
        <div className="muted">单位项目支出（万元）</div>
        <div className="big">{expenditure === null ? '未填写' : formatWanyuan(expenditure)}</div>
      </div>
      <div>
        <div className="muted">核对</div>
        {diff === null ? (
          <div className="muted">填写项目支出后核对</div>
        ) : diff === 0 ? (
          <div className="diff-ok">一致</div>
        ) : (
          <div className="diff-bad" role="status">
            {diff > 0 ? '超出' : '少于'}项目支出 {formatWanyuan(Math.abs(diff))} 万元
          </div>
        )}
      </div>
      <div className="muted" style={{ marginLeft: 'auto' }}>
        指标体系：{summary.frameworkName}
      </div>
    </section>
  );
}
