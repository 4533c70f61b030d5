import { FindingsList } from '@/app/ui/findings-list';
import { TableChanges } from '@/app/ui/table-changes';
import { locationLabel } from '@/lib/domain/locations';
import { isProblemOf } from '@/lib/format/published/problem-of';
import type { ImportItem, ImportPlan } from '@/lib/projects/import';

const ACTION_TEXT = { create: '新建', update: '更新', unchanged: '无变化', skip: '跳过' } as const;

function Checks({ item }: { item: ImportItem }) {
  const errors = item.findings.filter((f) => f.severity === 'error').length;
  const warnings = item.findings.length - errors;
  if (item.findings.length === 0 && item.problems.length === 0) return <span className="muted">—</span>;
  // The counts stay visible; the messages open on demand so 23 tables still fit on one screen.
  return (
    <details>
      <summary>
        {item.problems.length > 0 ? <span className="badge badge-error">{item.problems.length} 个读取问题</span> : null}{' '}
        {errors > 0 ? <span className="badge badge-error">{errors} 个错误</span> : null}{' '}
        {warnings > 0 ? <span className="badge badge-warn">{warnings} 个提醒</span> : null}
      </summary>
      <ul style={{ margin: '4px 0', paddingLeft: 20 }}>
        {item.problems.map((p, i) => (
          <li key={`p${i}`} className="field-error">
            <strong>读取</strong> · {p}
          </li>
        ))}
        {[...item.findings]
          .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
          .map((f, i) => (
            <li key={`f${i}`} className={f.severity === 'error' ? 'field-error' : 'field-warn'}>
              <strong>{f.severity === 'error' ? '错误' : '提醒'}</strong> · {locationLabel(f.path, null)}：{f.message}
            </li>
          ))}
      </ul>
    </details>
  );
}

/** Ticks of 覆盖草稿: the code of each confirmed draft with the version the preview showed. */
export type Overwrites = Readonly<Record<string, number>>;

/** The drafts this plan would overwrite that are not ticked yet at the version shown. */
export function unconfirmed(plan: ImportPlan, ticks: Overwrites): ImportItem[] {
  return plan.items.filter((i) => i.action === 'update' && i.draft !== null && ticks[i.code] !== i.draft.version);
}

/**
 * A stored draft the import would overwrite: the warning when it was edited in the app after its last
 * import, its differences from the document (collapsed), and the 覆盖草稿 tick an update needs.
 */
function DraftOverwrite({ item, ticks, onTick, isBusy }: { item: ImportItem; ticks: Overwrites; onTick: ((code: string, version: number | null) => void) | null; isBusy: boolean }) {
  const d = item.draft;
  if (!d) return null;
  return (
    <div style={{ marginTop: 4 }}>
      {d.freshness.message ? (
        <p className={d.freshness.state === 'edited' ? 'field-error' : 'field-warn'} role="note" style={{ margin: '2px 0' }}>
          {d.freshness.state === 'edited' ? '注意：' : '提示：'}
          {d.freshness.message}
        </p>
      ) : null}
      <details>
        <summary>与库中草稿的差别（{d.changes.length} 处）</summary>
        <TableChanges changes={d.changes} label={`表 ${item.number} 与库中草稿的差别`} />
      </details>
      {item.action === 'update' && onTick ? (
        <label className="nowrap">
          <input type="checkbox" checked={ticks[item.code] === d.version} disabled={isBusy} onChange={(e) => onTick(item.code, e.target.checked ? d.version : null)} /> 覆盖草稿
        </label>
      ) : null}
    </div>
  );
}

function counts(plan: ImportPlan): string {
  const n = (a: ImportItem['action']) => plan.items.filter((i) => i.action === a).length;
  return `新建 ${n('create')} 张，更新 ${n('update')} 张，无变化 ${n('unchanged')} 张，跳过 ${n('skip')} 张`;
}

/** What the import will do, table by table, with the reading problems and rule findings of each. */
export function ImportPreview({
  plan,
  ticks = {},
  onTick = null,
  isBusy = false,
}: {
  plan: ImportPlan;
  ticks?: Overwrites;
  /** Null once imported: the result shows what was done, nothing to tick. */
  onTick?: ((code: string, version: number | null) => void) | null;
  isBusy?: boolean;
}) {
  // Problems of a listed table show in its row; the rest (the document's, unreadable tables') above.
  const general = plan.problems.filter((p) => !plan.items.some((i) => isProblemOf(p, i)));
  const e = plan.projectExpenditure;
  return (
    <>
      <p>
        单位 <strong>{plan.unit.code} {plan.unit.name}</strong>
        {plan.unit.exists ? '' : '（新单位，将创建）'} · <strong>{plan.year}</strong> 年度
        {plan.unitYearExists ? '' : '（将创建）'} · 项目支出 {e.document ?? '文件中未找到'} 万元 · 共 {plan.items.length} 张表：{counts(plan)}
      </p>
      {e.message ? <p className={`alert ${e.outcome === 'kept' ? 'alert-warn' : 'alert-ok'}`}>{e.message}</p> : null}
      {plan.unitYearFindings.length > 0 ? (
        <div className="alert alert-warn">
          <strong>整个年度的检查结果：</strong>
          <FindingsList findings={plan.unitYearFindings} table={null} />
        </div>
      ) : null}
      {general.length > 0 ? (
        <div className="alert alert-warn">
          <strong>读取时发现的问题（{general.length}）：</strong>
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {general.slice(0, 50).map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <table className="grid" aria-label="将导入的表">
        <thead>
          <tr>
            <th>序号</th>
            <th>项目编码</th>
            <th>项目名称</th>
            <th className="num">预算数</th>
            <th className="num">指标行</th>
            <th>检查</th>
            <th>处理</th>
          </tr>
        </thead>
        <tbody>
          {plan.items.map((it) => (
            <tr key={`${it.line}-${it.code}`}>
              <td className="num">{it.number}</td>
              <td className="nowrap">{it.code}</td>
              <td>{it.name}</td>
              <td className="num">{it.total}</td>
              <td className="num">{it.rows}</td>
              <td>
                <Checks item={it} />
              </td>
              <td>
                {ACTION_TEXT[it.action]}
                {it.reason ? <span className="muted">：{it.reason}</span> : null}
                <DraftOverwrite item={it} ticks={ticks} onTick={onTick} isBusy={isBusy} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
