import { STATUS_LABELS } from '@/lib/domain/workflow';

const COLORS = { approved: '#2e7d32', dept_approved: '#7cb342', submitted: '#1565c0', returned: '#c62828', draft: '#9e9e9e' } as const;
const ORDER = ['approved', 'dept_approved', 'submitted', 'returned', 'draft'] as const;

/** The department's tables by status as one stacked bar, with a legend that carries the numbers. */
export function ProgressChart({ counts }: { counts: Record<(typeof ORDER)[number], number> }) {
  const total = ORDER.reduce((n, s) => n + counts[s], 0);
  const width = 600;
  let x = 0;
  const summary = ORDER.map((s) => `${STATUS_LABELS[s]} ${counts[s]}`).join('，');
  return (
    <figure style={{ margin: 0 }}>
      <svg role="img" aria-label={`全部 ${total} 张表：${summary}`} viewBox={`0 0 ${width} 24`} width="100%" style={{ maxWidth: width }}>
        {total === 0 ? <rect x={0} y={0} width={width} height={24} fill="#eee" /> : null}
        {ORDER.map((s) => {
          const w = total === 0 ? 0 : (counts[s] / total) * width;
          const rect = <rect key={s} x={x} y={0} width={w} height={24} fill={COLORS[s]} />;
          x += w;
          return rect;
        })}
      </svg>
      <figcaption className="row" style={{ gap: 16 }}>
        {ORDER.map((s) => (
          <span key={s}>
            <span aria-hidden="true" style={{ display: 'inline-block', width: 10, height: 10, background: COLORS[s], marginRight: 4 }} />
            {STATUS_LABELS[s]} {counts[s]}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** A unit's approved share as a small bar beside its percentage. */
export function ProgressBar({ progress }: { progress: number }) {
  return (
    <span className="row" style={{ gap: 6 }}>
      <svg aria-hidden="true" width={60} height={8} viewBox="0 0 60 8">
        <rect x={0} y={0} width={60} height={8} fill="#eee" />
        <rect x={0} y={0} width={60 * progress} height={8} fill={COLORS.approved} />
      </svg>
      {Math.round(progress * 100)}%
    </span>
  );
}
