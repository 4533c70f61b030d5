'use client';

import { useId } from 'react';
import { ActionMessage } from '@/app/ui/action-message';
import { useAction } from '@/app/ui/use-action';
import { setDeadlineAction } from '../actions';

/** 编报截止日期 of one unit-year (administrators); an empty date clears it. */
export function DeadlineForm({ unitYears }: { unitYears: { id: number; label: string; dueOn: string | null }[] }) {
  const id = useId();
  const { run, isPending, result } = useAction(setDeadlineAction, (d: { isChanged: boolean }) => (d.isChanged ? '已设置' : '没有变化'));
  const error = result && !result.ok ? (result.fieldErrors.dueOn?.[0] ?? null) : null;
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const dueOn = String(f.get('dueOn') ?? '');
        run({ unitYearId: Number(f.get('unitYearId')), dueOn: dueOn === '' ? null : dueOn });
      }}
    >
      <label htmlFor={`${id}-uy`}>单位</label>
      <select id={`${id}-uy`} name="unitYearId">
        {unitYears.map((u) => (
          <option key={u.id} value={u.id}>
            {u.label}
            {u.dueOn ? `（现为 ${u.dueOn}）` : ''}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-date`}>编报截止日期</label>
      <input id={`${id}-date`} name="dueOn" type="date" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-err` : undefined} />
      <button className="btn btn-primary" type="submit" disabled={isPending}>
        设置
      </button>
      {error ? (
        <span id={`${id}-err`} className="field-error">
          {error}
        </span>
      ) : (
        <ActionMessage result={result} />
      )}
    </form>
  );
}
