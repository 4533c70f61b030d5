'use client';

import { LightBadge } from '@/app/ui/light';
import type { LightResult } from '@/lib/domain/lights';
import { DEVIATION_REASONS, LIKELIHOODS, type Likelihood, type ReportEntry } from '@/lib/domain/monitoring';
import type { MonitoredIndicator } from '@/lib/monitoring/read';
import styles from '@/app/ui/report-form/report-form.module.css';

type Props = {
  rows: MonitoredIndicator[];
  entries: ReportEntry[];
  lights: Record<string, LightResult>;
  month: number;
  errors: Record<string, string>;
  rowComments: Record<string, string[]>;
  isReadOnly: boolean;
  onChange: (index: number, entry: ReportEntry) => void;
};

/** The indicator part of the monitoring table: the target read-only, the owner's columns beside it, the light live. */
export function IndicatorRows({ rows, entries, lights, month, errors, rowComments, isReadOnly, onChange }: Props) {
  const indexOf = new Map(entries.map((e, i) => [e.rowKey, i]));
  return (
    <table className={styles.grid} aria-label="绩效指标执行情况">
      <thead>
        <tr>
          <th>一级指标</th>
          <th>二级指标</th>
          <th>三级指标</th>
          <th>年度指标值</th>
          <th>1–{month}月执行情况</th>
          <th>预警</th>
          <th>全年预计完成情况</th>
          <th>偏差原因分析</th>
          <th>完成目标可能性</th>
          <th>备注</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const i = indexOf.get(r.key);
          const e = i === undefined ? null : entries[i]!;
          const light = lights[r.key];
          const id = `row-${r.key}`;
          const error = i === undefined ? undefined : errors[`entries.${i}.reasons`];
          const set = (patch: Partial<ReportEntry>) => (i !== undefined && e ? onChange(i, { ...e, ...patch }) : undefined);
          return (
            <tr key={r.key} data-row={r.name}>
              <td>{r.level1}</td>
              <td>{r.level2}</td>
              <td>{r.name}</td>
              <td className="nowrap">{r.value}</td>
              {e === null ? (
                <td colSpan={6} className="muted">
                  —
                </td>
              ) : (
                <>
                  <td>
                    <input
                      id={`${id}-actual`}
                      aria-label={`${r.name} 1–${month}月执行情况`}
                      type="text"
                      size={12}
                      value={e.actual}
                      readOnly={isReadOnly}
                      onChange={(ev) => set({ actual: ev.target.value })}
                    />
                    <select
                      aria-label={`${r.name} 累计方式`}
                      value={e.cumulative === null ? '' : e.cumulative ? '1' : '0'}
                      disabled={isReadOnly}
                      onChange={(ev) => set({ cumulative: ev.target.value === '' ? null : ev.target.value === '1' })}
                    >
                      <option value="">按单位</option>
                      <option value="1">累计</option>
                      <option value="0">非累计</option>
                    </select>
                    {light?.message ? <div className="field-warn">{light.message}</div> : null}
                    {(rowComments[`row:${r.key}`] ?? []).map((c, k) => (
                      <div key={k} className="alert alert-warn" role="note">
                        审核意见：{c}
                      </div>
                    ))}
                  </td>
                  <td aria-live="polite" data-testid={`light-${r.name}`}>
                    <LightBadge light={light?.light ?? 'none'} progress={light?.progress ?? null} label={`${r.name}：`} />
                  </td>
                  <td>
                    <input aria-label={`${r.name} 全年预计完成情况`} type="text" size={10} value={e.forecast} readOnly={isReadOnly} onChange={(ev) => set({ forecast: ev.target.value })} />
                  </td>
                  <td>
                    <div className={styles.reasons} role="group" aria-label={`${r.name} 偏差原因`} aria-describedby={error ? `${id}-reason-error` : undefined}>
                      {DEVIATION_REASONS.map((reason) => (
                        <label key={reason}>
                          <input
                            type="checkbox"
                            checked={e.reasons.includes(reason)}
                            disabled={isReadOnly}
                            onChange={(ev) => set({ reasons: ev.target.checked ? [...e.reasons, reason] : e.reasons.filter((x) => x !== reason) })}
                          />
                          {reason}
                        </label>
                      ))}
                    </div>
                    <textarea aria-label={`${r.name} 偏差原因说明`} rows={2} value={e.reasonText} readOnly={isReadOnly} onChange={(ev) => set({ reasonText: ev.target.value })} />
                    {error ? (
                      <div id={`${id}-reason-error`} className="field-error">
                        {error}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    <select
                      aria-label={`${r.name} 完成目标可能性`}
                      value={e.likelihood ?? ''}
                      disabled={isReadOnly}
                      onChange={(ev) => set({ likelihood: ev.target.value === '' ? null : (ev.target.value as Likelihood) })}
                    >
                      <option value="">请选择</option>
                      {LIKELIHOODS.map((l) => (
                        <option key={l}>{l}</option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input aria-label={`${r.name} 备注`} type="text" size={8} value={e.note} readOnly={isReadOnly} onChange={(ev) => set({ note: ev.target.value })} />
                  </td>
                </>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
