import type { ReportListRow } from '@/lib/monitoring/dashboard';

const COLOURS: Record<string, string> = { red: '#d93025', yellow: '#f2b600', green: '#1e8e3e', blue: '#1a73e8', none: '#9aa4b1' };
const W = 720;
const H = 220;
const PAD = { left: 44, right: 16, top: 12, bottom: 28 };

/**
 * Execution rate (执行数 ÷ 全年预算数) of each table as a bar, against the 序时进度 of its round as a
 * dashed line: the bars below the line are behind. Drawn on the server as plain SVG.
 */
export function ExecutionPlot({ rows }: { rows: ReportListRow[] }) {
  const shown = rows.slice(0, 80);
  if (shown.length === 0) return null;
  const rate = (r: ReportListRow) => (r.executedYuan === null || r.budgetYuan === 0 ? 0 : (r.executedYuan / r.budgetYuan) * 100);
  const max = Math.max(100, ...shown.map(rate));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const step = plotW / shown.length;
  const bar = Math.max(2, Math.min(28, step * 0.7));
  return (
    <figure className="card" style={{ margin: '0 0 16px' }}>
      <figcaption style={{ fontWeight: 600 }}>各表执行率与序时进度（虚线）</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label="各表执行率与序时进度">
        {[0, 25, 50, 75, 100].map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#e3e6ea" />
            <text x={PAD.left - 6} y={y(t) + 4} fontSize="11" textAnchor="end" fill="#5b6470">
              {t}%
            </text>
          </g>
        ))}
        {shown.map((r, i) => {
          const x = PAD.left + i * step + (step - bar) / 2;
          const pace = (r.month / 12) * 100;
          return (
            <g key={r.id}>
              <rect x={x} y={y(rate(r))} width={bar} height={y(0) - y(rate(r))} fill={COLOURS[r.fundsLight]}>
                <title>{`${r.name}：执行率 ${rate(r).toFixed(2)}%，序时进度 ${pace.toFixed(2)}%`}</title>
              </rect>
              <line x1={x - 2} x2={x + bar + 2} y1={y(pace)} y2={y(pace)} stroke="#1f2328" strokeDasharray="4 2" />
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
