'use client';

import { useId } from 'react';
import { ActionMessage } from '@/app/ui/action-message';
import { useAction } from '@/app/ui/use-action';
import { createUnitAction, createUnitYearAction, renameUnitAction } from '../actions';

type Option = { id: number; name: string };

export function NewUnitYearForm({ units, frameworks }: { units: { id: number; label: string }[]; frameworks: Option[] }) {
  const { run, isPending, result } = useAction(createUnitYearAction, () => '已创建');
  if (units.length === 0) return <p className="muted">请先在下方新增单位。</p>;
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        run({
          unitId: Number(f.get('unitId')),
          year: Number(f.get('year')),
          frameworkId: Number(f.get('frameworkId')),
          projectExpenditure: String(f.get('projectExpenditure') ?? '') || null,
        });
      }}
    >
      <label htmlFor="ny-unit">单位</label>
      <select id="ny-unit" name="unitId">
        {units.map((u) => (
          <option key={u.id} value={u.id}>{u.label}</option>
        ))}
      </select>
      <label htmlFor="ny-year">年度</label>
      <input id="ny-year" name="year" type="number" min={2000} max={2100} defaultValue={new Date().getFullYear() + 1} style={{ width: 90 }} />
      <label htmlFor="ny-fw">指标体系</label>
      <select id="ny-fw" name="frameworkId">
        {frameworks.map((f) => (
          <option key={f.id} value={f.id}>{f.name}</option>
        ))}
      </select>
      <label htmlFor="ny-pe">项目支出（万元，可暂不填）</label>
      <input id="ny-pe" name="projectExpenditure" type="text" inputMode="decimal" size={10} />
      <button className="btn btn-primary" type="submit" disabled={isPending}>创建</button>
      <ActionMessage result={result} />
    </form>
  );
}

export function NewUnitForm() {
  const { run, isPending, result } = useAction(createUnitAction, () => '已创建');
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const f = new FormData(form);
        run({ code: String(f.get('code') ?? ''), name: String(f.get('name') ?? '') }, () => form.reset());
      }}
    >
      <label htmlFor="nu-code">单位编码</label>
      <input id="nu-code" name="code" type="text" size={10} />
      <label htmlFor="nu-name">单位名称</label>
      <input id="nu-name" name="name" type="text" size={30} />
      <button className="btn btn-primary" type="submit" disabled={isPending}>创建</button>
      <ActionMessage result={result} />
    </form>
  );
}

export function RenameUnitForm({ unitId, code, name }: { unitId: number; code: string; name: string }) {
  const id = useId();
  const { run, isPending, result } = useAction(renameUnitAction);
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        run({ unitId, name: String(new FormData(e.currentTarget).get('name') ?? '') });
      }}
    >
      <label htmlFor={`${id}-name`}>{code}</label>
      <input id={`${id}-name`} name="name" type="text" size={36} defaultValue={name} />
      <button className="btn btn-small" type="submit" disabled={isPending}>改名</button>
      <ActionMessage result={result} />
    </form>
  );
}
