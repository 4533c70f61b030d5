'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ActionMessage } from '@/app/ui/action-message';
import { useAction } from '@/app/ui/use-action';
import { openSelfEvalRoundsAction } from '../actions';

export function OpenSelfEvalForm({ unitYears }: { unitYears: { id: number; label: string; isOpen: boolean }[] }) {
  const router = useRouter();
  const [chosen, setChosen] = useState<number[]>([]);
  const { run, isPending, result } = useAction(openSelfEvalRoundsAction, (d) => `已开启 ${d.length} 个年度的绩效自评，生成 ${d.reduce((n, r) => n + r.selfEvalIds.length, 0)} 张自评表`);
  const errors = result?.fieldErrors ?? {};
  const toggle = (id: number, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        run({ unitYearIds: chosen }, () => router.push('/selfeval'));
      }}
    >
      <fieldset style={{ border: 0, padding: 0 }} aria-describedby={errors.unitYearIds ? 'uy-error' : undefined}>
        <legend style={{ fontWeight: 600 }}>预算年度（可多选）</legend>
        {unitYears.map((u) => (
          <label key={u.id} className="row" style={{ fontWeight: 400, gap: 6 }}>
            <input type="checkbox" checked={chosen.includes(u.id)} disabled={u.isOpen} onChange={(e) => toggle(u.id, e.target.checked)} />
            {u.label}
          </label>
        ))}
        {errors.unitYearIds ? (
          <span id="uy-error" className="field-error">
            {errors.unitYearIds[0]}
          </span>
        ) : null}
      </fieldset>
      <div className="row" style={{ marginTop: 12 }}>
        <button className="btn btn-primary" type="submit" disabled={isPending}>
          开启自评
        </button>
        <ActionMessage result={result} />
      </div>
    </form>
  );
}
