import { findingText } from '@/lib/editor/place-label';
import type { Finding } from '@/lib/domain/rules';
import type { TargetTable } from '@/lib/domain/table';

/** The reviewer's checklist: errors first, then warnings, each with where and what to do. */
export function FindingsList({ findings, table }: { findings: Finding[]; table: TargetTable | null }) {
  if (findings.length === 0) return <p className="alert alert-ok" style={{ margin: 0 }}>未发现问题。</p>;
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    <>
      <p style={{ marginTop: 0 }}>
        {errors > 0 ? <span className="badge badge-error">{errors} 个错误（须修正后才能提交）</span> : null}{' '}
        {findings.length - errors > 0 ? <span className="badge badge-warn">{findings.length - errors} 个提醒</span> : null}
      </p>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {sorted.map((f, i) => (
          <li key={i} className={f.severity === 'error' ? 'field-error' : 'field-warn'}>
            <strong>{f.severity === 'error' ? '错误' : '提醒'}</strong> · {findingText(f, table)}
          </li>
        ))}
      </ul>
    </>
  );
}
