import { STATUS_LABELS, type Status } from '@/lib/domain/workflow';

export function StatusBadge({ status }: { status: Status }) {
  return <span className={`badge badge-${status}`}>{STATUS_LABELS[status]}</span>;
}

export function FindingCounts({ errors, warnings }: { errors: number; warnings: number }) {
  if (errors === 0 && warnings === 0) return <span className="muted">—</span>;
  return (
    <span className="row" style={{ gap: 4 }}>
      {errors > 0 ? <span className="badge badge-error">{errors} 个错误</span> : null}
      {warnings > 0 ? <span className="badge badge-warn">{warnings} 个提醒</span> : null}
    </span>
  );
}
