import type { ReactNode } from 'react';
import type { Status } from '@/lib/domain/workflow';
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
