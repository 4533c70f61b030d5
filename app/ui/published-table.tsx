import type { LastYearNote } from '@/lib/domain/last-year';
import type { TargetTable } from '@/lib/domain/table';
import { tableLayout } from '@/lib/format/table-layout';
import styles from './published-table.module.css';

/** The header fields a comment may be on (lib/domain/locations.ts, commentTargets). */
const COMMENT_FIELDS = new Set(['name', 'budget.total', 'purpose', 'goal', 'schedule']);

type Comment = { target: string | null; body: string; userName: string };

/** A table in the published layout (the disclosure's 绩效目标表), for screen and print. */
/** Optional columns beside the published ones: last year's value (and actual) of each row, by index. */
export type LastYearColumns = { notes: readonly (LastYearNote | null)[]; hasActual: boolean };

export function PublishedTable(props: { table: TargetTable; number: number; comments?: Comment[]; mark?: string; isCommentable?: boolean; lastYear?: LastYearColumns }) {
  const { table, lastYear } = props;
  const extra = lastYear ? (lastYear.hasActual ? 2 : 1) : 0;
  const rows = tableLayout(table);
  const commentsFor = (target: string) => (props.comments ?? []).filter((c) => c.target === target);
  const head = rows.filter((r) => r.kind === 'indicator-head');
  // Rows and fields a reviewer may click to comment on (app/(staff)/projects/[id]/comment-on-click.tsx).
  const commentable = (target: string | undefined) =>
    props.isCommentable && target && (target.startsWith('row:') || COMMENT_FIELDS.has(target)) ? { 'data-comment-target': target, title: '点击对此处提审核意见', className: styles.commentable } : {};
  return (
    <div className={styles.sheet}>
      <h3 className={styles.title}>
        {props.number}、{table.name}绩效目标表{props.mark ? <span className={styles.draft}>{props.mark}</span> : null}
      </h3>
      <p className={styles.unit}>单位：万元</p>
      <table className={styles.table}>
        <Columns />
        <tbody>
          {rows
            .filter((r) => r.kind === 'header')
            .map((r, i) => (
              <tr key={`h${i}`}>
                {r.cells.map((c) => {
                  const notes = c.field ? commentsFor(c.field) : [];
                  return (
                    <td key={c.col} colSpan={c.colSpan} rowSpan={c.rowSpan} className={c.role === 'label' || c.field === 'schedule' ? styles.label : styles.value} {...(c.role === 'label' ? {} : commentable(c.field === 'budget.fiscal' || c.field === 'budget.other' ? 'budget.total' : c.field))}>
                      {c.text}
                      {notes.map((n, k) => (
                        <span key={k} className={styles.note} title={n.userName}>
                          审核意见：{n.body}
                        </span>
                      ))}
                    </td>
                  );
                })}
              </tr>
            ))}
        </tbody>
      </table>
      {/* The indicator part is its own table so that browsers repeat its header on every printed page. */}
      <table className={`${styles.table} ${styles.indicators}`}>
        <Columns extra={extra} />
        <thead>
          {head.map((r, i) => (
            <tr key={`ih${i}`}>
              {r.cells.map((c) => (
                <th key={c.col} colSpan={c.colSpan} scope="col">
                  {c.text}
                </th>
              ))}
              {lastYear && i === 0 ? (
                <>
                  <th scope="col" rowSpan={head.length} className={styles.lastYear}>
                    上年指标值
                  </th>
                  {lastYear.hasActual ? (
                    <th scope="col" rowSpan={head.length} className={styles.lastYear}>
                      上年实际完成值
                    </th>
                  ) : null}
                </>
              ) : null}
            </tr>
          ))}
        </thead>
        <tbody>
          {rows
            .filter((r) => r.kind === 'indicator')
            .map((r, i) => {
              const key = table.indicators[i]?.key;
              const notes = key ? commentsFor(`row:${key}`) : [];
              return (
                <tr key={`r${i}`} {...commentable(key ? `row:${key}` : undefined)} className={`${styles.indicator} ${props.isCommentable && key ? styles.commentable : ''}`}>
                  {r.cells.map((c) => (
                    <td key={c.col} colSpan={c.colSpan} rowSpan={c.rowSpan} className={c.role === 'level' ? styles.level : undefined}>
                      {c.text}
                      {c.field === 'basis' && notes.length > 0
                        ? notes.map((n, k) => (
                            <span key={k} className={styles.note} title={n.userName}>
                              审核意见：{n.body}
                            </span>
                          ))
                        : null}
                    </td>
                  ))}
                  {lastYear ? <LastYearCells note={lastYear.notes[i] ?? null} hasActual={lastYear.hasActual} /> : null}
                </tr>
              );
            })}
        </tbody>
      </table>
    </div>
  );
}

function LastYearCells({ note, hasActual }: { note: LastYearNote | null; hasActual: boolean }) {
  return (
    <>
      <td className={styles.lastYear}>
        {note ? note.previousValue : '—'}
        {note?.warning ? <span className={styles.note}>{note.warning}</span> : null}
      </td>
      {hasActual ? <td className={styles.lastYear}>{note?.previousActual ?? '—'}</td> : null}
    </>
  );
}

function Columns({ extra = 0 }: { extra?: number }) {
  // The optional last-year columns take their room from the description and basis columns.
  const widths = extra === 0 ? ['11%', '13%', '17%', '13%', '12%', '14%', '20%'] : ['10%', '11%', '14%', '12%', '11%', '12%', '14%', ...Array<string>(extra).fill(`${16 / extra}%`)];
  return (
    <colgroup>
      {widths.map((w, i) => (
        <col key={i} style={{ width: w }} />
      ))}
    </colgroup>
  );
}
