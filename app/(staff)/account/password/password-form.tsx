'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { changePassword } from '../actions';

const FIELDS = [
  { name: 'current', label: '当前密码', autoComplete: 'current-password' },
  { name: 'password', label: '新密码', autoComplete: 'new-password' },
  { name: 'confirm', label: '再次输入新密码', autoComplete: 'new-password' },
] as const;

export function PasswordForm({ mustChangePassword }: { mustChangePassword: boolean }) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<null> | null>(null);
  const [isPending, startTransition] = useTransition();
  const errors = result && !result.ok ? result.fieldErrors : {};
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const data = Object.fromEntries(new FormData(e.currentTarget));
        const form = e.currentTarget;
        startTransition(async () => {
          const r = await changePassword(data);
          setResult(r);
          if (r.ok) form.reset();
          // A reset password blocked everything else until now: go on to the work.
          if (r.ok && mustChangePassword) router.replace('/projects');
        });
      }}
    >
      <div aria-live="polite">
        {result?.ok ? <p className="alert alert-ok">密码已修改。</p> : null}
        {result && !result.ok ? <p className="alert alert-error" role="alert">{result.message}</p> : null}
      </div>
      {FIELDS.map((f) => (
        <div className="field" key={f.name}>
          <label htmlFor={f.name}>{f.label}</label>
          <input
            id={f.name}
            name={f.name}
            type="password"
            autoComplete={f.autoComplete}
            aria-invalid={errors[f.name] ? true : undefined}
            aria-describedby={errors[f.name] ? `${f.name}-error` : undefined}
          />
          {errors[f.name] ? <span id={`${f.name}-error`} className="field-error">{errors[f.name]![0]}</span> : null}
        </div>
      ))}
      <button className="btn btn-primary" type="submit" disabled={isPending}>
        {isPending ? '正在保存…' : '保存新密码'}
      </button>
    </form>
  );
}
