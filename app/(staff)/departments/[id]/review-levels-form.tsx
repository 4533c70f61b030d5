'use client';

import { useId } from 'react';
import { ActionMessage } from '@/app/ui/action-message';
import { useAction } from '@/app/ui/use-action';
import { setReviewLevelsAction } from '../actions';

/** 审核级数 of one unit-year (administrators): 一级 (the default) or 两级 (部门审核, then 财政审核). */
export function ReviewLevelsForm({ unitYears }: { unitYears: { id: number; label: string; levels: 1 | 2 }[] }) {
  const id = useId();
  const { run, isPending, result } = useAction(setReviewLevelsAction, (d: { isChanged: boolean }) => (d.isChanged ? '审核级数已更改' : '审核级数没有变化'));
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        run({ unitYearId: Number(f.get('unitYearId')), reviewLevels: f.get('reviewLevels') === '2' ? 2 : 1 });
      }}
    >
      <label htmlFor={`${id}-uy`}>单位</label>
      <select id={`${id}-uy`} name="unitYearId">
        {unitYears.map((u) => (
          <option key={u.id} value={u.id}>
            {u.label}（现为{u.levels === 2 ? '两级' : '一级'}审核）
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-levels`}>审核级数</label>
      <select id={`${id}-levels`} name="reviewLevels" defaultValue="1">
        <option value="1">一级审核</option>
        <option value="2">两级审核（部门审核 → 财政审核）</option>
      </select>
      <button className="btn btn-primary" type="submit" disabled={isPending}>
        更改审核级数
      </button>
      <ActionMessage result={result} />
    </form>
  );
}
