'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ActionMessage } from '@/app/ui/action-message';
import { useAction } from '@/app/ui/use-action';
import { openMonitoringRoundsAction } from '../actions';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

export function OpenRoundsForm({ unitYears }: { unitYears: { id: number; label: string }[] }) {
  const router = useRouter();
  const [chosen, setChosen] = useState<number[]>([]);
  const [month, setMonth] = useState(7);
  const [deadline, setDeadline] = useState(`${new Date().getFullYear()}-08-15`);
  const { run, isPending, result } = useAction(openMonitoringRoundsAction, (d) => `已开启 ${d.length} 个年度的监控，生成 ${d.reduce((n, r) => n + r.reports, 0)} 张监控表`);
  const errors = result?.fieldErrors ?? {};
  const toggle = (id: number, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        run({ unitYearIds: chosen, month, deadline }, () => router.push('/monitoring'));
      }}
    >
      <fieldset style={{ border: 0, padding: 0 }} aria-describedby={errors.unitYearIds ? 'uy-error' : undefined}>
        <legend style={{ fontWeight: 600 }}>预算年度（可多选）</legend>
        {unitYears.map((u) => (
          <label key={u.id} className="row" style={{ fontWeight: 400, gap: 6 }}>
            <input type="checkbox" checked={chosen.includes(u.id)} onChange={(e) => toggle(u.id, e.target.checked)} />
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
        <label htmlFor="month">监控期间 1–X月，X =</label>
        <select id="month" value={month} onChange={(e) => setMonth(Number(e.target.value))}>
          {MONTHS.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <label htmlFor="deadline">填报截止日期</label>
        <input id="deadline" type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} aria-invalid={errors.deadline ? true : undefined} />
        {errors.deadline ? <span className="field-error">{errors.deadline[0]}</span> : null}
        <button className="btn btn-primary" type="submit" disabled={isPending}>
          开启监控
        </button>
        <ActionMessage result={result} />
      </div>
    </form>
  );
}
