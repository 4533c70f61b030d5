'use client';

import { useActionState } from 'react';
import { signIn, type SignInState } from './actions';

export function LoginForm({ next }: { next: string | undefined }) {
  const [state, action, isPending] = useActionState<SignInState, FormData>(signIn, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={action} noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <div aria-live="polite">
        {state && !state.ok ? (
          <p className="alert alert-error" role="alert" id="login-error">
            {state.message}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="username">用户名</label>
        <input
          id="username"
          name="username"
          type="text"
          autoComplete="username"
          defaultValue={state?.username ?? ''}
          key={state?.username ?? ''}
          required
          aria-invalid={errors.username ? true : undefined}
          aria-describedby={errors.username ? 'username-error' : undefined}
        />
        {errors.username ? <span id="username-error" className="field-error">{errors.username[0]}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="password">密码</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? 'password-error' : undefined}
        />
        {errors.password ? <span id="password-error" className="field-error">{errors.password[0]}</span> : null}
      </div>
      <button className="btn btn-primary" type="submit" disabled={isPending} style={{ width: '100%', justifyContent: 'center' }}>
        {isPending ? '正在登录…' : '登录'}
      </button>
    </form>
  );
}
