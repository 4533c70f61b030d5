'use client';

import { useSyncExternalStore } from 'react';
import { locationLabel } from '@/lib/domain/locations';
import type { TargetTable } from '@/lib/domain/table';
import { fieldId, useEditor } from './context';
import styles from './editor.module.css';

function focusPath(path: string): void {
  const id = path.startsWith('group:') || path.startsWith('section:') ? null : fieldId(path);
  const el =
    (id ? document.getElementById(id) : null) ??
    (id ? document.getElementById(`${id}-notes`) : null) ??
    document.querySelector<HTMLElement>(`[aria-label="${CSS.escape(path.replace(/^group:/, '').replace('/', ' · ').replace(/^section:/, ''))}"]`);
  el?.scrollIntoView({ block: 'center' });
  if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) el.focus();
}

/** All findings of the table, errors first; a click goes to the field. */
export function FindingsPanel({ table }: { table: () => TargetTable }) {
  const { findings } = useEditor();
  const all = useSyncExternalStore(findings.subscribe, findings.all, findings.all);
  const errors = all.filter((f) => f.severity === 'error');
  const warnings = all.filter((f) => f.severity === 'warning');
  const snapshot = table();
  return (
    <section className="card" aria-label="检查结果" aria-live="polite">
      <h2 style={{ marginTop: 0 }}>检查结果</h2>
      {all.length === 0 ? <p className="alert alert-ok" style={{ margin: 0 }}>未发现问题。</p> : null}
      {errors.length > 0 ? <p className="field-error">有 {errors.length} 个错误，修正后才能提交审核（草稿可以随时保存）。</p> : null}
      <ul className={styles.panelList}>
        {[...errors, ...warnings].map((f, i) => (
          <li key={i} className={f.severity === 'error' ? 'field-error' : 'field-warn'}>
            <button type="button" onClick={() => focusPath(f.path)}>
              <strong>{f.severity === 'error' ? '错误' : '提醒'}</strong> · {locationLabel(f.path, snapshot)}：{f.message}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
