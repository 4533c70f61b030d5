'use client';

import { useEffect, useRef } from 'react';
import { useFormContext, useWatch, type FieldError } from 'react-hook-form';
import type { TableInput } from '@/lib/domain/schemas';
import type { TargetValue } from '@/lib/domain/target-value';
import { COMPARATOR_LABELS, renderTarget } from '@/lib/domain/target-value-render';
import { FieldNotes, useFieldA11y } from './field-notes';
import styles from './editor.module.css';

export const COMMON_UNITS = ['%', '万元', '元', '个', '人', '件', '次', '天', '小时', '份', '项', '工作日', '分钟', '人次', '平方米'];
const KIND_LABELS = { quantity: '数值', deadline: '日期', text: '文字' } as const;

function fresh(kind: TargetValue['kind'], year: number): TargetValue {
  if (kind === 'quantity') return { kind, op: '>=', number: Number.NaN, unit: '%' };
  if (kind === 'deadline') return { kind, year: null, month: 12, day: 20, suffix: '前完成' };
  return { kind: 'text' };
}

const num = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));

/** The typed 指标值 of one row — quantity, deadline or text — with its printed form shown as you type. */
export function ValueEditor({ index, label, year }: { index: number; label: string; year: number }) {
  const { register, setValue, getFieldState, formState } = useFormContext<TableInput>();
  const base = `indicators.${index}` as const;
  const target = useWatch<TableInput, `indicators.${number}.target`>({ name: `${base}.target` });
  const kind = target?.kind ?? 'text';
  const initial = useRef(JSON.stringify(target));
  const printed = target ? renderTarget(target as TargetValue) : null;
  useEffect(() => {
    // Keep the printed value in step with the typed one, but leave an untouched imported print form alone.
    if (!target || target.kind === 'text' || JSON.stringify(target) === initial.current) return;
    if (printed !== null) setValue(`${base}.value`, printed, { shouldDirty: true });
  }, [target, printed, base, setValue]);
  const valueError = getFieldState(`${base}.value`, formState).error;
  const targetError = getFieldState(`${base}.target`, formState).error as (FieldError & Record<string, FieldError>) | undefined;
  const a11y = useFieldA11y(`${base}.value`, valueError);
  const numberError = (targetError as { number?: FieldError } | undefined)?.number;
  return (
    <div className={styles.valueBox}>
      <div className={styles.valueLine}>
        <label className="sr-only" htmlFor={`${a11y.id}-kind`}>
          {label} 指标值类型
        </label>
        <select
          id={`${a11y.id}-kind`}
          value={kind}
          onChange={(e) => setValue(`${base}.target`, fresh(e.target.value as TargetValue['kind'], year), { shouldDirty: true })}
        >
          {Object.entries(KIND_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
        {kind === 'quantity' ? (
          <>
            <label className="sr-only" htmlFor={`${a11y.id}-op`}>
              {label} 比较符
            </label>
            <select id={`${a11y.id}-op`} {...register(`${base}.target.op` as `indicators.${number}.target`)}>
              {Object.entries(COMPARATOR_LABELS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
            <label className="sr-only" htmlFor={a11y.id}>
              {label} 指标值数值
            </label>
            <input
              {...a11y}
              aria-invalid={a11y['aria-invalid'] || Boolean(numberError) || undefined}
              className={styles.small}
              type="number"
              step="any"
              {...register(`${base}.target.number` as `indicators.${number}.target`, { valueAsNumber: true })}
            />
            <label className="sr-only" htmlFor={`${a11y.id}-unit`}>
              {label} 单位
            </label>
            <input id={`${a11y.id}-unit`} className={styles.small} list="pt-units" {...register(`${base}.target.unit` as `indicators.${number}.target`)} />
          </>
        ) : null}
        {kind === 'deadline' ? (
          <>
            <label className="sr-only" htmlFor={`${a11y.id}-year`}>
              {label} 年（可不填）
            </label>
            <input
              id={`${a11y.id}-year`}
              className={styles.small}
              type="number"
              placeholder="年"
              {...register(`${base}.target.year` as `indicators.${number}.target`, { setValueAs: num })}
            />
            <label className="sr-only" htmlFor={a11y.id}>
              {label} 月
            </label>
            <input {...a11y} className={styles.tiny} type="number" min={1} max={12} placeholder="月" {...register(`${base}.target.month` as `indicators.${number}.target`, { setValueAs: num })} />
            <label className="sr-only" htmlFor={`${a11y.id}-day`}>
              {label} 日（可不填）
            </label>
            <input id={`${a11y.id}-day`} className={styles.tiny} type="number" min={1} max={31} placeholder="日" {...register(`${base}.target.day` as `indicators.${number}.target`, { setValueAs: num })} />
            <label className="sr-only" htmlFor={`${a11y.id}-suffix`}>
              {label} 日期后的文字
            </label>
            <input id={`${a11y.id}-suffix`} className={styles.small} placeholder="前完成" {...register(`${base}.target.suffix` as `indicators.${number}.target`)} />
          </>
        ) : null}
        {kind === 'text' ? (
          <>
            <label className="sr-only" htmlFor={a11y.id}>
              {label} 指标值
            </label>
            <input {...a11y} className={styles.input} {...register(`${base}.value`)} />
          </>
        ) : null}
      </div>
      {kind !== 'text' ? (
        <div className={styles.printed} aria-live="polite">
          印出为：<strong>{printed ?? '—'}</strong>
        </div>
      ) : null}
      {numberError ? <div className="field-error">{numberError.message}</div> : null}
      <FieldNotes path={`${base}.value`} error={valueError} />
    </div>
  );
}
