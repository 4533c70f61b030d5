'use client';

import { memo } from 'react';
import { useFieldArray, useFormState, useWatch } from 'react-hook-form';
import { LIMITS } from '@/lib/domain/limits';
import type { TableInput } from '@/lib/domain/schemas';
import { nextCheckpoint } from '@/lib/editor/plan';
import { useEditorForm } from './context';
import { FieldNotes, useFieldA11y } from './field-notes';
import styles from './editor.module.css';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

function Checkpoint({ index, onRemove }: { index: number; onRemove: () => void }) {
  const { register } = useEditorForm();
  const { errors } = useFormState<TableInput>({ name: [`schedule.${index}.month`, `schedule.${index}.percent`], exact: true });
  const monthA11y = useFieldA11y(`schedule.${index}.month`, errors.schedule?.[index]?.month);
  const percentA11y = useFieldA11y(`schedule.${index}.percent`, errors.schedule?.[index]?.percent);
  return (
    <div className={styles.checkpoint}>
      <label className="sr-only" htmlFor={monthA11y.id}>
        第 {index + 1} 个时间点的月份
      </label>
      <select {...monthA11y} {...register(`schedule.${index}.month`, { valueAsNumber: true })}>
        {MONTHS.map((m) => (
          <option key={m} value={m}>
            {m}月底
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor={percentA11y.id}>
        第 {index + 1} 个时间点的累计支出百分比
      </label>
      <input {...percentA11y} className={styles.percent} type="number" min={0} max={100} step="any" {...register(`schedule.${index}.percent`, { valueAsNumber: true })} />
      <span>%</span>
      <button type="button" className="btn btn-small" aria-label={`删除第 ${index + 1} 个时间点`} onClick={onRemove}>
        ×
      </button>
      <FieldNotes path={`schedule.${index}.month`} error={errors.schedule?.[index]?.month} />
      <FieldNotes path={`schedule.${index}.percent`} error={errors.schedule?.[index]?.percent} />
    </div>
  );
}

/** 资金支出计划: cumulative percent by the end of each month. */
export const PlanEditor = memo(function PlanEditor() {
  const { control, getValues } = useEditorForm();
  const { fields, insert, remove } = useFieldArray({ control, name: 'schedule' });
  const plan = useWatch<TableInput, 'schedule'>({ name: 'schedule' }) ?? [];
  const canAdd = plan.length < LIMITS.checkpoints && nextCheckpoint(plan) !== null;
  const addNext = () => {
    const next = nextCheckpoint(getValues('schedule'));
    if (next) insert(next.index, next.checkpoint);
  };
  return (
    <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }} data-path="schedule" tabIndex={-1} aria-describedby="f-schedule-notes">
      <legend style={{ fontWeight: 500, marginBottom: 4 }}>资金支出计划（累计 %）</legend>
      <div className={styles.plan}>
        {fields.map((f, i) => (
          <Checkpoint key={f.id} index={i} onRemove={() => remove(i)} />
        ))}
        <button type="button" className="btn btn-small" onClick={addNext} disabled={!canAdd} title={canAdd ? '在 12 月前添加；已到 12 月底时补在间隔最大处' : '12 个月都已列出'}>
          添加时间点
        </button>
      </div>
      <FieldNotes path="schedule" commentTarget="schedule" exact />
    </fieldset>
  );
});
