'use client';

import Link from 'next/link';
import { useId } from 'react';
import { ActionMessage } from '@/app/ui/action-message';
import { useAction } from '@/app/ui/use-action';
import { createUserAction, resetPasswordAction, setMembershipAction, setUserAdminAction, setUserDisabledAction } from '../actions';

export function UserButtons({ userId, name, isDisabled, isSelf }: { userId: number; name: string; isDisabled: boolean; isSelf: boolean }) {
  const disable = useAction(setUserDisabledAction, () => (isDisabled ? '已启用' : '已停用'));
  const reset = useAction(resetPasswordAction, (d) => `临时密码：${d.temporaryPassword}（只显示这一次，请转告用户，登录后须修改）`);
  // Resetting one's own password would sign oneself out with a temporary one; change it instead.
  if (isSelf) {
    return (
      <Link className="btn btn-small" href="/account/password">
        修改密码
      </Link>
    );
  }
  return (
    <span className="row" style={{ gap: 6 }}>
      <button
        className={`btn btn-small${isDisabled ? '' : ' btn-danger'}`}
        type="button"
        disabled={disable.isPending}
        aria-label={`${isDisabled ? '启用' : '停用'}${name}的账户`}
        onClick={() => {
          // Disabling signs the user out at once; ask first. Enabling needs no question.
          if (!isDisabled && !window.confirm(`停用${name}的账户？停用后立即退出登录，不能再登录，可随时重新启用。`)) return;
          disable.run({ userId, isDisabled: !isDisabled });
        }}
      >
        {isDisabled ? '启用' : '停用'}
      </button>
      <button
        className="btn btn-small"
        type="button"
        disabled={reset.isPending}
        aria-label={`重置${name}的密码`}
        onClick={() => {
          if (window.confirm(`重置${name}的密码？原密码立即失效，须用临时密码登录后设置新密码。`)) reset.run({ userId });
        }}
      >
        重置密码
      </button>
      <ActionMessage result={disable.result} />
      <ActionMessage result={reset.result} />
    </span>
  );
}

/** Grants or takes away the administrator role (not offered for oneself: another administrator does it). */
export function AdminRoleButton({ userId, name, isAdmin }: { userId: number; name: string; isAdmin: boolean }) {
  const { run, isPending, result } = useAction(setUserAdminAction, () => (isAdmin ? '已取消管理员' : '已设为管理员'));
  return (
    <>
      <button
        className="btn btn-small"
        type="button"
        disabled={isPending}
        aria-label={isAdmin ? `撤销${name}的管理员角色` : `将${name}设为管理员`}
        onClick={() => {
          const question = isAdmin
            ? `撤销${name}的管理员角色？立即生效。`
            : `将${name}设为管理员？管理员可管理全部单位、用户和预算年度，立即生效。`;
          if (window.confirm(question)) run({ userId, isAdmin: !isAdmin });
        }}
      >
        {isAdmin ? '撤销' : '设为管理员'}
      </button>
      <ActionMessage result={result} />
    </>
  );
}

export function MembershipForm(props: {
  userId: number;
  units: { id: number; label: string }[];
  isMember: boolean;
  unitId?: number;
  role?: 'owner' | 'reviewer';
  /** What the button does, for screen readers (the visible text is one word). */
  label: string;
}) {
  const id = useId();
  const { run, isPending, result } = useAction(setMembershipAction, () => (props.isMember ? '已添加' : '已撤销'));
  if (!props.isMember) {
    return (
      <>
        <button
          className="btn btn-small"
          type="button"
          disabled={isPending}
          aria-label={props.label}
          onClick={() => run({ userId: props.userId, unitId: props.unitId, role: props.role, isMember: false })}
        >
          撤销
        </button>
        <ActionMessage result={result} />
      </>
    );
  }
  if (props.units.length === 0) return <p className="muted">还没有单位：请先在“单位与预算年度”中新增单位。</p>;
  return (
    <form
      className="row"
      style={{ gap: 4, marginTop: 4 }}
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        run({ userId: props.userId, unitId: Number(f.get('unitId')), role: f.get('role'), isMember: true, isThisUnitOnly: f.get('isThisUnitOnly') === '1' });
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
      <label className="row" style={{ gap: 2, fontWeight: 400 }}>
        <input type="checkbox" name="isThisUnitOnly" value="1" /> 仅本单位
      </label>
      <button className="btn btn-small" type="submit" disabled={isPending} aria-label={props.label}>添加</button>
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

/**
 * A grant's reach (issue 18): 本单位及下级单位 (the default: the whole subtree) or 仅本单位; the button
 * switches it, and the audit log keeps the change.
 */
export function ReachButton(props: { userId: number; unitId: number; role: 'owner' | 'reviewer'; isThisUnitOnly: boolean; label: string }) {
  const { run, isPending, result } = useAction(setMembershipAction, () => '已修改范围');
  return (
    <>
      <button
        className="btn btn-small"
        type="button"
        disabled={isPending}
        aria-label={props.label}
        onClick={() => run({ userId: props.userId, unitId: props.unitId, role: props.role, isMember: true, isThisUnitOnly: !props.isThisUnitOnly })}
      >
        {props.isThisUnitOnly ? '改为含下级单位' : '改为仅本单位'}
      </button>
      <ActionMessage result={result} />
    </>
  );
}
