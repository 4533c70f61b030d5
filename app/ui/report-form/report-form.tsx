import type { ReactNode } from 'react';
import { returnLevelLabel } from '@/lib/domain/review-levels';
import { ACTION_LABELS, type Status } from '@/lib/domain/workflow';
import { formatTime } from '@/lib/format/time';
import styles from './report-form.module.css';
import type { DraftMessage } from './use-report-draft';

/** 项目名称 · 项目编码 · 实施单位, and what else a report puts on the same line (its light). */
export function ReportHeader({ header, children }: { header: { name: string; code: string; unit: string }; children?: ReactNode }) {
  return (
    <table className={styles.grid} aria-label="项目基本情况">
      <tbody>
        <tr>
          <th>项目名称</th>
          <td>{header.name}</td>
          <th>项目编码</th>
          <td>{header.code}</td>
          <th>实施单位</th>
          <td>{header.unit}</td>
          {children}
        </tr>
      </tbody>
    </table>
  );
}

/** The year's goal beside what was achieved of it, which the owner writes. */
export function GoalTable(props: { goalLabel: string; achievedLabel: string; goal: string; achieved: string; isReadOnly: boolean; onChange: (value: string) => void }) {
  const { goalLabel, achievedLabel, goal, achieved, isReadOnly, onChange } = props;
  return (
    <table className={styles.grid} aria-label="年度总体目标">
      <thead>
        <tr>
          <th style={{ width: '50%' }}>{goalLabel}</th>
          <th>{achievedLabel}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <td style={{ whiteSpace: 'pre-wrap' }}>{goal}</td>
          <td>
            <textarea aria-label={achievedLabel} rows={4} style={{ width: '100%' }} value={achieved} readOnly={isReadOnly} onChange={(e) => onChange(e.target.value)} />
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** 保存 and 提交审核 under the form, kept in view, with whether anything is unsaved and what the last try said. */
export function DraftActions(props: { status: Status; canSubmit: boolean; isPending: boolean; isDirty: boolean; message: DraftMessage; onSubmit: () => void }) {
  const { status, canSubmit, isPending, isDirty, message, onSubmit } = props;
  return (
    <div className={styles.actions}>
      <button className="btn" type="submit" disabled={isPending}>
        保存
      </button>
      {canSubmit || status === 'returned' ? (
        <button className="btn btn-primary" type="button" disabled={isPending} onClick={onSubmit}>
          提交审核
        </button>
      ) : null}
      {isDirty ? <span className="muted">有未保存的修改</span> : null}
      <span aria-live="polite" role="status">
        {message ? <span className={message.ok ? 'diff-ok' : 'field-error'}>{message.text}</span> : null}
      </span>
    </div>
  );
}

type ReviewEvent = { id: number; at: number; userName: string; action: string; reason: string | null };

/**
 * The return the owner still has to answer (lib/domain/review-levels.ts openReturn), with who returned it,
 * when, at which level in a two-level year (部门审核 / 财政审核), and why; `children` add the comments.
 */
export function ReturnNotice({ lastReturn, status, children }: { lastReturn: ReviewEvent | undefined; status: Status; children?: ReactNode }) {
  if (!lastReturn || status === 'approved') return null;
  const level = returnLevelLabel(lastReturn.action);
  return (
    <div className="alert alert-warn" role="note">
      审核人 {lastReturn.userName} 于 {formatTime(lastReturn.at)} {level ? `在${level}中` : ''}退回：{lastReturn.reason}
      {children}
    </div>
  );
}

/** 审核记录: every submit, return and approval of the document, oldest first. */
export function ReviewEvents({ events }: { events: readonly ReviewEvent[] }) {
  return (
    <section className="card" aria-label="审核记录">
      <h2 style={{ marginTop: 0 }}>审核记录</h2>
      {events.length === 0 ? <p className="muted">尚无</p> : null}
      <ul>
        {events.map((e) => (
          <li key={e.id}>
            {formatTime(e.at)} {e.userName} {ACTION_LABELS[e.action] ?? e.action}
            {e.reason ? `：${e.reason}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
