'use client';

import { useMemo } from 'react';
import { useFormState, useWatch, type FieldError, type RegisterOptions } from 'react-hook-form';
import type { TableInput } from '@/lib/domain/schemas';
import type { TargetValue } from '@/lib/domain/target-value';
import { COMPARATOR_LABELS, renderTarget } from '@/lib/domain/target-value-render';
import { finishedTarget } from '@/lib/projects/normalise';
import { DEADLINE_PRESETS, presetValue } from '@/lib/editor/deadline-presets';
import { fieldId, useEditorForm } from './context';
import { FieldNotes, useFieldA11y } from './field-notes';
import { countRender } from './render-probe';
import styles from './editor.module.css';

export const COMMON_UNITS = ['%', '万元', '元', '个', '人', '件', '次', '天', '小时', '份', '项', '工作日', '分钟', '人次', '平方米'];
const KIND_LABELS = { quantity: '数值', deadline: '日期', text: '文字' } as const;
type Target = TableInput['indicators'][number]['target'];
type Part = 'op' | 'number' | 'unit' | 'year' | 'month' | 'day' | 'suffix';
const PARTS: readonly Part[] = ['op', 'number', 'unit', 'year', 'month', 'day', 'suffix'];

function fresh(kind: TargetValue['kind']): Target {
  if (kind === 'quantity') return { kind, op: '>=', number: null, unit: '%' };
  if (kind === 'deadline') return { kind, year: null, month: 12, day: 20, suffix: '前完成' };
  return { kind: 'text' };
}

const num = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));

type TargetErrors = FieldError & Partial<Record<Part, FieldError>>;

/** The typed 指标值 of one row — quantity, deadline or text — with its printed form shown as you type. */
export function ValueEditor({ index, label }: { index: number; label: string }) {
  countRender(`value:${index}`);
  const { register, setValue } = useEditorForm();
  const base = `indicators.${index}` as const;
  const names = useMemo(() => [`${base}.value`, `${base}.target`] as const, [base]);
  // Only this row's errors: reading the form's own formState here would re-render the whole form.
  const { errors } = useFormState<TableInput>({ name: names });
  const target = useWatch<TableInput, `indicators.${number}.target`>({ name: `${base}.target` });
  const kind = target?.kind ?? 'text';
  const finished = target ? finishedTarget(target) : null;
  const printed = finished ? renderTarget(finished) : null;
  // The printed 指标值 of a number or date is derived from it when the table is normalised (an unchanged
  // imported print form is kept), so typing writes only the typed field. Switching to text starts from
  // the printed form the user last saw.
  const changeKind = (next: TargetValue['kind']) => {
    if (next === 'text' && printed) setValue(`${base}.value`, printed, { shouldDirty: true });
    setValue(`${base}.target`, fresh(next), { shouldDirty: true });
  };

  // A preset is typed through the value parser: 12月底前完成 is a date, 年底前完成 stays text.
  const applyPreset = (text: string) => {
    const v = presetValue(text);
    setValue(`${base}.value`, v.value, { shouldDirty: true });
    setValue(`${base}.target`, v.target, { shouldDirty: true });
  };

  const rowErrors = errors.indicators?.[index];
  const valueError = rowErrors?.value;
  const targetError = rowErrors?.target as TargetErrors | undefined;
  const partError = (p: Part) => targetError?.[p];
  const messages = [targetError?.message, ...PARTS.map((p) => partError(p)?.message)].filter((m): m is string => Boolean(m));
  const mainError = valueError ?? targetError?.number ?? targetError?.month ?? (targetError?.message ? targetError : undefined);
  const a11y = useFieldA11y(`${base}.value`, mainError);
  const describedBy = a11y['aria-describedby'];
  const part = (p: Exclude<Part, 'number' | 'month'>) => ({ id: fieldId(`${base}.target.${p}`), 'aria-describedby': describedBy, 'aria-invalid': Boolean(partError(p)) || undefined });
  const reg = (p: Part, opts?: RegisterOptions<TableInput, `indicators.${number}.target`>) => register(`${base}.target.${p}` as `indicators.${number}.target`, opts);
  return (
    <div className={styles.valueBox}>
      <div className={styles.valueLine}>
        <label className="sr-only" htmlFor={fieldId(`${base}.target.kind`)}>
          {label} 指标值类型
        </label>
        <select
          id={fieldId(`${base}.target.kind`)}
          aria-describedby={describedBy}
          value={kind}
          onChange={(e) => changeKind(e.target.value as TargetValue['kind'])}
        >
          {Object.entries(KIND_LABELS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
        {kind === 'quantity' ? (
          <>
            <label className="sr-only" htmlFor={fieldId(`${base}.target.op`)}>
              {label} 比较符
            </label>
            <select {...part('op')} {...reg('op')}>
              {Object.entries(COMPARATOR_LABELS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
            <label className="sr-only" htmlFor={a11y.id}>
              {label} 指标值数值
            </label>
            <input {...a11y} className={styles.small} type="number" step="any" placeholder="数值" {...reg('number', { valueAsNumber: true })} />
            <label className="sr-only" htmlFor={fieldId(`${base}.target.unit`)}>
              {label} 单位
            </label>
            <input {...part('unit')} className={styles.small} list="pt-units" placeholder="单位" {...reg('unit')} />
          </>
        ) : null}
        {kind === 'deadline' ? (
          <>
            <label className="sr-only" htmlFor={fieldId(`${base}.target.year`)}>
              {label} 年（可不填）
            </label>
            <input {...part('year')} className={styles.small} type="number" placeholder="年" {...reg('year', { setValueAs: num })} />
            <label className="sr-only" htmlFor={a11y.id}>
              {label} 月
            </label>
            <input {...a11y} className={styles.tiny} type="number" min={1} max={12} placeholder="月" {...reg('month', { setValueAs: num })} />
            <label className="sr-only" htmlFor={fieldId(`${base}.target.day`)}>
              {label} 日（可不填）
            </label>
            <input {...part('day')} className={styles.tiny} type="number" min={1} max={31} placeholder="日" {...reg('day', { setValueAs: num })} />
            <label className="sr-only" htmlFor={fieldId(`${base}.target.suffix`)}>
              {label} 日期后的文字
            </label>
            <input {...part('suffix')} className={styles.small} placeholder="前完成" {...reg('suffix')} />
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
      {kind === 'deadline' ? (
        // Below the date, not beside it: the row keeps its widths at 1366 px.
        <div className={styles.presetLine}>
          <label className="sr-only" htmlFor={fieldId(`${base}.target.preset`)}>
            {label} 常用期限
          </label>
          <select id={fieldId(`${base}.target.preset`)} className={styles.preset} value="" onChange={(e) => e.target.value && applyPreset(e.target.value)}>
            <option value="">常用期限…</option>
            {DEADLINE_PRESETS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {kind !== 'text' ? (
        <div className={styles.printed} aria-live="polite">
          印出为：<strong>{printed ?? '（未填完）'}</strong>
        </div>
      ) : null}
      <FieldNotes path={`${base}.value`} error={valueError} errors={messages} />
    </div>
  );
}
