'use client';

import { useId, useState } from 'react';
import { ActionMessage } from '@/app/ui/action-message';
import { useAction } from '@/app/ui/use-action';
import { createUserAction, resetPasswordAction, setMembershipAction, setUserDisabledAction } from '../actions';

export function UserButtons({ userId, isDisabled, isSelf }: { userId: number; isDisabled: boolean; isSelf: boolean }) {
  const disable = useAction(setUserDisabledAction, () => (isDisabled ? '已启用' : '已停用'));
  const [temp, setTemp] = useState<string | null>(null);
  const reset = useAction(resetPasswordAction, (d) => `临时密码：${d.temporaryPassword}（只显示这一次，请转告用户，登录后须修改）`);
  return (
    <span className="row" style={{ gap: 6 }}>
      {!isSelf ? (
        <button className="btn btn-small" type="button" disabled={disable.isPending} onClick={() => disable.run({ userId, isDisabled: !isDisabled })}>
          {isDisabled ? '启用' : '停用'}
        </button>
      ) : null}
      <button className="btn btn-small" type="button" disabled={reset.isPending} onClick={() => reset.run({ userId }, (d) => setTemp(d.temporaryPassword))}>
        重置密码
      </button>
      <ActionMessage result={disable.result} />
      {reset.result ? <ActionMessage result={reset.result} /> : null}
      {temp ? <span className="sr-only">{temp}</span> : null}
    </span>
  );
}

export function MembershipForm(props: { userId: number; units: { id: number; label: string }[]; isMember: boolean; unitId?: number; role?: 'owner' | 'reviewer' }) {
  const id = useId();
  const { run, isPending, result } = useAction(setMembershipAction, () => (props.isMember ? '已授权' : '已取消'));
  if (!props.isMember) {
    return (
      <button
        className="btn btn-small"
        type="button"
        disabled={isPending}
        onClick={() => run({ userId: props.userId, unitId: props.unitId, role: props.role, isMember: false })}
      >
        取消
      </button>
    );
  }
  return (
    <form
      className="row"
      style={{ gap: 4, marginTop: 4 }}
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        run({ userId: props.userId, unitId: Number(f.get('unitId')), role: f.get('role'), isMember: true });
      }}
    >
      <label className="sr-only" htmlFor={`${id}-u`}>单位</label>
      <select id={`${id}-u`} name="unitId">
        {props.units.map((u) => (
          <option key={u.id} value={u.id}>{u.label}</option>
        ))}
      </select>
      <label className="sr-only" htmlFor={`${id}-r`}>角色</label>
      <select id={`${id}-r`} name="role">
        <option value="owner">编制人</option>
        <option value="reviewer">审核人</option>
      </select>
      <button className="btn btn-small" type="submit" disabled={isPending}>授权</button>
      <ActionMessage result={result} />
    </form>
  );
}

export function NewUserForm() {
  const { run, isPending, result } = useAction(createUserAction, () => '已创建');
  const errors = result && !result.ok ? result.fieldErrors : {};
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const f = new FormData(form);
        run(
          { username: String(f.get('username') ?? ''), displayName: String(f.get('displayName') ?? ''), password: String(f.get('password') ?? ''), isAdmin: f.get('isAdmin') === 'on' },
          () => form.reset(),
        );
      }}
    >
      <div className="row">
        {(
          [
            ['username', '用户名', 'text'],
            ['displayName', '姓名', 'text'],
            ['password', '初始密码', 'password'],
          ] as const
        ).map(([name, label, type]) => (
          <div className="field" key={name}>
            <label htmlFor={`nu-${name}`}>{label}</label>
            <input
              id={`nu-${name}`}
              name={name}
              type={type}
              autoComplete="off"
              aria-invalid={errors[name] ? true : undefined}
              aria-describedby={errors[name] ? `nu-${name}-error` : undefined}
            />
            {errors[name] ? <span id={`nu-${name}-error`} className="field-error">{errors[name]![0]}</span> : null}
          </div>
        ))}
        <label className="row" style={{ gap: 4 }}>
          <input type="checkbox" name="isAdmin" /> 管理员
        </label>
      </div>
      <button className="btn btn-primary" type="submit" disabled={isPending}>创建用户</button> <ActionMessage result={result} />
    </form>
  );
}
