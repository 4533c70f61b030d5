/** A 项目支出绩效自评表 printed as HTML in the standard layout (the public page shows approved ones). */
import type { SelfEvalSheet } from '@/lib/domain/selfeval-sheet';

export function SelfEvalSheetTable({ sheet }: { sheet: SelfEvalSheet }) {
  const c = { border: '1px solid var(--line)', padding: '4px 6px', verticalAlign: 'top' as const };
  return (
    <table className="grid" aria-label={`${sheet.projectName} 自评表`} style={{ width: '100%' }}>
      <caption style={{ fontWeight: 600, padding: 6 }}>项目支出绩效自评表（{sheet.year} 年度）</caption>
      <tbody>
        <tr>
          <th style={c}>项目名称</th>
          <td style={c} colSpan={3}>
            {sheet.projectName}
          </td>
          <th style={c}>项目编码</th>
          <td style={c} colSpan={3}>
            {sheet.projectCode}
          </td>
        </tr>
        <tr>
          <th style={c}>主管部门</th>
          <td style={c} colSpan={3}>
            {sheet.department}
          </td>
          <th style={c}>实施单位</th>
          <td style={c} colSpan={3}>
            {sheet.implementingUnit}
          </td>
        </tr>
        <tr>
          <th style={c}>项目资金（万元）</th>
          <th style={c} colSpan={2}>
            年初预算数
          </th>
          <th style={c}>全年预算数</th>
          <th style={c}>全年执行数</th>
          <th style={c}>分值</th>
          <th style={c}>执行率</th>
          <th style={c}>得分</th>
        </tr>
        {sheet.funds.map((f) => (
          <tr key={f.label}>
            <th style={c}>{f.label}</th>
            <td style={c} className="num" colSpan={2}>
              {f.initial}
            </td>
            <td style={c} className="num">
              {f.annual}
            </td>
            <td style={c} className="num">
              {f.executed}
            </td>
            <td style={c} className="num">
              {f.weight}
            </td>
            <td style={c} className="num">
              {f.rate ? `${f.rate}%` : ''}
            </td>
            <td style={c} className="num">
              {f.score}
            </td>
          </tr>
        ))}
        <tr>
          <th style={c} rowSpan={2}>
            年度总体目标
          </th>
          <th style={c} colSpan={3}>
            预期目标
          </th>
          <th style={c} colSpan={4}>
            实际完成情况
          </th>
        </tr>
        <tr>
          <td style={{ ...c, whiteSpace: 'pre-wrap' }} colSpan={3}>
            {sheet.goal.expected}
          </td>
          <td style={{ ...c, whiteSpace: 'pre-wrap' }} colSpan={4}>
            {sheet.goal.actual}
          </td>
        </tr>
        <tr>
          <th style={c}>一级指标</th>
          <th style={c}>二级指标</th>
          <th style={c}>三级指标</th>
          <th style={c}>年度指标值</th>
          <th style={c}>实际完成值</th>
          <th style={c}>分值</th>
          <th style={c}>得分</th>
          <th style={c}>偏差原因分析及改进措施</th>
        </tr>
        {sheet.indicators.map((r, i) => (
          <tr key={i}>
            <td style={c}>{r.level1}</td>
            <td style={c}>{r.level2}</td>
            <td style={c}>{r.name}</td>
            <td style={c}>{r.target}</td>
            <td style={c}>
              {r.actual}
              {r.warning ? <div className="muted">（{r.warning}）</div> : null}
            </td>
            <td style={c} className="num">
              {r.weight}
            </td>
            <td style={c} className="num">
              {r.score}
            </td>
            <td style={c}>{r.deviation}</td>
          </tr>
        ))}
        <tr>
          <th style={c} colSpan={5}>
            总分
          </th>
          <td style={c} className="num">
            100
          </td>
          <th style={c}>自评得分</th>
          <td style={c} className="num">
            {sheet.selfScore}（{sheet.grade}）
          </td>
        </tr>
      </tbody>
    </table>
  );
}
