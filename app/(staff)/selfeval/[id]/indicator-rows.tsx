'use client';

import { RATING_LABELS, RATINGS, type Rating, type RowResult, type SelfEvalEntry, type SelfEvalTargetRow } from '@/lib/domain/selfeval';
import styles from '@/app/ui/report-form/report-form.module.css';

type Props = {
  rows: SelfEvalTargetRow[];
  entries: SelfEvalEntry[];
  results: Record<string, RowResult>;
  errors: Record<string, string>;
  isReadOnly: boolean;
  onChange: (index: number, entry: SelfEvalEntry) => void;
};

function CellError({ id, text }: { id: string; text: string | undefined }) {
  return text ? (
    <div id={id} className="field-error">
      {text}
    </div>
  ) : null;
}

/** The indicator part of the 自评表: the target read-only, 实际完成值 and 分值 typed, 得分 computed (or rated in its band). */
export function IndicatorRows({ rows, entries, results, errors, isReadOnly, onChange }: Props) {
  const indexOf = new Map(entries.map((e, i) => [e.rowKey, i]));
  return (
    <table className={styles.grid} aria-label="绩效指标">
      <thead>
        <tr>
          <th>一级指标</th>
          <th>二级指标</th>
          <th>三级指标</th>
          <th>年度指标值</th>
          <th>实际完成值</th>
          <th>分值</th>
          <th>得分</th>
          <th>偏差原因分析及改进措施</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const i = indexOf.get(r.key);
          const e = i === undefined ? null : entries[i]!;
          if (e === null || i === undefined) {
            return (
              <tr key={r.key} data-row={r.name}>
                <td>{r.level1}</td>
                <td>{r.level2}</td>
                <td>{r.name}</td>
                <td>{r.value}</td>
                <td colSpan={4} className="muted">
                  —
                </td>
              </tr>
            );
          }
          const result = results[r.key];
          const set = (patch: Partial<SelfEvalEntry>) => onChange(i, { ...e, ...patch });
          const err = (field: string) => errors[`entries.${i}.${field}`];
          const id = (field: string) => `e${i}-${field}`;
          return (
            <tr key={r.key} data-row={r.name}>
              <td>{r.level1}</td>
              <td>{r.level2}</td>
              <td>{r.name}</td>
              <td className="nowrap">{r.value}</td>
              <td>
                <input
                  type="text"
                  aria-label={`${r.name} 实际完成值`}
                  value={e.actual}
                  readOnly={isReadOnly}
                  aria-invalid={err('actual') ? true : undefined}
                  aria-describedby={err('actual') ? id('actual') : undefined}
                  onChange={(ev) => set({ actual: ev.target.value })}
                />
                <CellError id={id('actual')} text={err('actual')} />
                {result?.warning ? <div className={styles.warn}>{result.warning}</div> : null}
              </td>
              <td>
                <input
                  type="text"
                  inputMode="decimal"
                  size={5}
                  aria-label={`${r.name} 分值`}
                  value={e.weight}
                  readOnly={isReadOnly}
                  aria-invalid={err('weight') ? true : undefined}
                  aria-describedby={err('weight') ? id('weight') : undefined}
                  onChange={(ev) => set({ weight: ev.target.value })}
                />
                <CellError id={id('weight')} text={err('weight')} />
              </td>
              <td>
                {result?.isRated ? (
                  <>
                    <select
                      aria-label={`${r.name} 完成情况`}
                      value={e.rating ?? ''}
                      disabled={isReadOnly}
                      onChange={(ev) => set({ rating: ev.target.value === '' ? null : (ev.target.value as Rating) })}
                    >
                      <option value="">请选择</option>
                      {RATINGS.map((k) => (
                        <option key={k} value={k}>
                          {RATING_LABELS[k]}
                        </option>
                      ))}
                    </select>
                    <input
                      type="text"
                      inputMode="decimal"
                      size={5}
                      aria-label={`${r.name} 得分`}
                      value={e.score}
                      readOnly={isReadOnly}
                      aria-invalid={err('score') ? true : undefined}
                      aria-describedby={err('score') ? id('score') : undefined}
                      onChange={(ev) => set({ score: ev.target.value })}
                    />
                    <CellError id={id('score')} text={err('score')} />
                  </>
                ) : (
                  <span className={styles.score} data-testid={`score-${r.name}`}>
                    {result?.score ?? '—'}
                  </span>
                )}
              </td>
              <td>
                <textarea
                  rows={2}
                  aria-label={`${r.name} 偏差原因分析及改进措施`}
                  value={e.deviation}
                  readOnly={isReadOnly}
                  aria-invalid={err('deviation') ? true : undefined}
                  aria-describedby={err('deviation') ? id('deviation') : undefined}
                  onChange={(ev) => set({ deviation: ev.target.value })}
                />
                <CellError id={id('deviation')} text={err('deviation')} />
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
