'use client';

import { memo, useState } from 'react';
import { useFormState } from 'react-hook-form';
import type { TableInput } from '@/lib/domain/schemas';
import { joinGoals, splitGoals } from '@/lib/editor/goals';
import { useEditorForm } from './context';
import { FieldNotes, useFieldA11y } from './field-notes';
import styles from './editor.module.css';

/** 绩效目标 as a numbered list; written back to `goal` (`1. …2. …`) only when the user changes it. */
export const GoalsEditor = memo(function GoalsEditor() {
  const { getValues, setValue } = useEditorForm();
  const { errors } = useFormState<TableInput>({ name: 'goal' });
  const [items, setItems] = useState<string[]>(() => splitGoals(getValues('goal') ?? ''));
  const a11y = useFieldA11y('goal', errors.goal);
  const update = (next: string[]) => {
    setItems(next);
    setValue('goal', joinGoals(next), { shouldDirty: true });
  };
  return (
    <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }} aria-describedby={a11y['aria-describedby']}>
      <legend style={{ fontWeight: 500, marginBottom: 4 }}>绩效目标（逐条填写，印出时自动编号）</legend>
      {items.map((g, i) => (
        <div key={i} className={styles.goalItem}>
          <span className={styles.goalNo}>{i + 1}.</span>
          <label className="sr-only" htmlFor={i === 0 ? a11y.id : `${a11y.id}-${i}`}>
            第 {i + 1} 条绩效目标
          </label>
          <textarea
            id={i === 0 ? a11y.id : `${a11y.id}-${i}`}
            aria-describedby={a11y['aria-describedby']}
            aria-invalid={a11y['aria-invalid']}
            rows={2}
            value={g}
            onChange={(e) => update(items.map((x, k) => (k === i ? e.target.value : x)))}
          />
          <button type="button" className="btn btn-small" aria-label={`第 ${i + 1} 条目标上移`} disabled={i === 0} onClick={() => update(items.map((x, k) => (k === i - 1 ? items[i]! : k === i ? items[i - 1]! : x)))}>
            ↑
          </button>
          <button type="button" className="btn btn-small btn-danger" aria-label={`删除第 ${i + 1} 条目标`} disabled={items.length === 1} onClick={() => update(items.filter((_, k) => k !== i))}>
            删除
          </button>
        </div>
      ))}
      <div>
        <button type="button" className="btn btn-small" onClick={() => setItems([...items, ''])}>
          添加一条目标
        </button>
      </div>
      <FieldNotes path="goal" error={errors.goal} commentTarget="goal" />
    </fieldset>
  );
});
