'use client';

import { useId } from 'react';
import { ActionMessage } from '@/app/ui/action-message';
import { useAction } from '@/app/ui/use-action';
import { moveUnitAction } from './actions';

type Option = { id: number; label: string };

/**
 * Moves a unit under another (or to the top). A choice that would put a unit below itself is
 * refused by the server, beside the field, and nothing changes.
 */
export function MoveUnitForm({ units }: { units: Option[] }) {
  const id = useId();
  const { run, isPending, result } = useAction(moveUnitAction, (d: { isMoved: boolean }) => (d.isMoved ? '已调整' : '上级单位没有变化'));
  const parentError = result && !result.ok ? (result.fieldErrors.parent?.[0] ?? null) : null;
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const parent = String(f.get('parentId') ?? '');
        run({ unitId: Number(f.get('unitId')), parentId: parent === '' ? null : Number(parent) });
      }}
    >
      <label htmlFor={`${id}-unit`}>单位</label>
      <select id={`${id}-unit`} name="unitId">
        {units.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-parent`}>新的上级单位</label>
      <select id={`${id}-parent`} name="parentId" aria-describedby={parentError ? `${id}-err` : undefined} aria-invalid={parentError ? true : undefined}>
        <option value="">（顶层，无上级）</option>
        {units.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <button className="btn btn-primary" type="submit" disabled={isPending}>
        调整
      </button>
      {parentError ? (
        <span id={`${id}-err`} className="field-error">
          {parentError}
        </span>
      ) : (
        <ActionMessage result={result} />
      )}
    </form>
  );
}
