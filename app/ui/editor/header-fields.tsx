'use client';

import { memo } from 'react';
import { useFormState, useWatch } from 'react-hook-form';
import type { TableInput } from '@/lib/domain/schemas';
import { budgetCheck, unitYearExcess } from '@/lib/editor/budget-check';
import { useEditor, useEditorForm } from './context';
import { FieldNotes, useFieldA11y } from './field-notes';
import styles from './editor.module.css';

type Path = 'code' | 'name' | 'budget.total' | 'budget.fiscal' | 'budget.other' | 'purpose';

function errorAt(errors: ReturnType<typeof useFormState<TableInput>>['errors'], path: Path) {
  if (path.startsWith('budget.')) return errors.budget?.[path.slice(7) as 'total' | 'fiscal' | 'other'];
  return errors[path as 'code' | 'name' | 'purpose'];
}

function TextField({ path, label, hint, multiline, inputMode }: { path: Path; label: string; hint?: string; multiline?: boolean; inputMode?: 'decimal' }) {
  const { register } = useEditorForm();
  const { errors } = useFormState<TableInput>({ name: path, exact: true });
  const error = errorAt(errors, path);
  const a11y = useFieldA11y(path, error);
  return (
    <div className={`field ${multiline ? styles.full : ''}`}>
      <label htmlFor={a11y.id}>
        {label}
        {hint ? <span className="muted">（{hint}）</span> : null}
      </label>
      {multiline ? (
        <textarea {...a11y} rows={3} {...register(path)} />
      ) : (
        <input {...a11y} className={styles.input} type="text" inputMode={inputMode} {...register(path)} />
      )}
      <FieldNotes path={path} error={error} commentTarget={path === 'budget.total' ? 'budget.total' : path} />
    </div>
  );
}

/** 预算数 checked against 财政资金 + 其他资金 as you type, with a button to take the sum. */
function BudgetCheck() {
  const { setValue } = useEditorForm();
  const [total, fiscal, other] = useWatch<TableInput, ['budget.total', 'budget.fiscal', 'budget.other']>({ name: ['budget.total', 'budget.fiscal', 'budget.other'] });
  const check = budgetCheck(total, fiscal, other);
  if (check.kind === 'none') return null;
  const { sum } = check;
  return (
    <div className={styles.full} aria-live="polite">
      {check.kind === 'ok' ? (
        <span className="diff-ok">预算数等于财政资金与其他资金之和（{sum} 万元）。</span>
      ) : (
        <span className="row">
          <span className="field-warn">财政资金 + 其他资金 = {sum} 万元{check.total !== null ? `，与预算数 ${check.total} 万元不符` : ''}。</span>
          <button type="button" className="btn btn-small" onClick={() => setValue('budget.total', sum, { shouldDirty: true, shouldValidate: true })}>
            按财政资金+其他资金计算预算数
          </button>
        </span>
      )}
    </div>
  );
}

/** Σ of the unit-year's budgets against its 项目支出, with this table's 预算数 as typed. */
function UnitYearCheck() {
  const { unitYearBudget } = useEditor();
  const total = useWatch<TableInput, 'budget.total'>({ name: 'budget.total' });
  const excess = unitYearExcess(total, unitYearBudget);
  if (!excess) return null;
  return (
    <div className={styles.full} aria-live="polite">
      <span className="field-warn">
        提醒：按此预算数，本年度各表预算数合计 {excess.sum} 万元，超过单位的项目支出 {excess.expenditure} 万元（多 {excess.excess} 万元）。请核对预算数，或请管理员核对项目支出。
      </span>
    </div>
  );
}

export const HeaderFields = memo(function HeaderFields() {
  return (
    <div className={styles.grid2}>
      <TextField path="code" label="项目编码" hint="如 13080024P00009810002A" />
      <TextField path="name" label="项目名称" />
      <div className={`${styles.full} ${styles.grid3}`}>
        <TextField path="budget.total" label="预算数" hint="万元，两位小数" inputMode="decimal" />
        <TextField path="budget.fiscal" label="其中：财政资金" hint="万元" inputMode="decimal" />
        <TextField path="budget.other" label="其他资金" hint="万元，可不填" inputMode="decimal" />
      </div>
      <BudgetCheck />
      <UnitYearCheck />
      <TextField path="purpose" label="资金用途" multiline />
    </div>
  );
});
