'use client';

import { memo, useSyncExternalStore } from 'react';
import { findingText } from '@/lib/editor/place-label';
import { normaliseTable } from '@/lib/projects/normalise';
import { useEditor } from './context';
import { focusPath } from './focus';
import styles from './editor.module.css';

/** All findings of the table, errors first; each one is a button that takes the user to its place. */
export const FindingsPanel = memo(function FindingsPanel() {
  const { findings, form, reveal } = useEditor();
  const all = useSyncExternalStore(findings.subscribe, findings.all, findings.all);
  const isNew = !useSyncExternalStore(reveal.subscribe, reveal.isAllShown, reveal.isAllShown);
  const errors = all.filter((f) => f.severity === 'error');
  const warnings = all.filter((f) => f.severity === 'warning');
  // Re-rendered only when the findings change; the labels name rows as they read now.
  const table = normaliseTable(form.getValues());
  return (
    <section className="card" aria-labelledby="ed-findings">
      <h2 id="ed-findings" className={styles.cardTitle}>
        检查结果
      </h2>
      {isNew && all.length > 0 ? <p className={`muted ${styles.panelSummary}`}>新表：下面是尚待填写或修改之处。离开一个字段或保存后，会在字段旁标出。</p> : null}
      <div aria-live="polite">
        {all.length === 0 ? <p className="alert alert-ok" style={{ margin: 0 }}>未发现问题。</p> : null}
        {errors.length > 0 ? (
          <p className={styles.panelSummary}>
            <span className="field-error">{errors.length} 个错误</span>
            {warnings.length > 0 ? <span className="field-warn"> · {warnings.length} 个提醒</span> : null}
            <br />
            <span className="muted">错误须修正后才能提交审核；草稿可以随时保存。</span>
          </p>
        ) : warnings.length > 0 ? (
          <p className={styles.panelSummary}>
            <span className="field-warn">{warnings.length} 个提醒</span>
          </p>
        ) : null}
      </div>
      <ul className={styles.panelList}>
        {[...errors, ...warnings].map((f, i) => (
          <li key={i} className={f.severity === 'error' ? 'field-error' : 'field-warn'}>
            <button type="button" onClick={() => focusPath(f.path)}>
              <strong>{f.severity === 'error' ? '错误' : '提醒'}</strong> · {findingText(f, table)}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
});
