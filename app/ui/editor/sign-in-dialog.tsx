'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';

type Reply = { ok?: boolean; message?: string; mustChangePassword?: boolean };

/**
 * Sign in again without leaving the editor, when a save found the session ended: the same sign-in as
 * everywhere (POST /api/session, with its delays), then the editor saves again. The page, and so
 * everything typed, stays as it is. A portal: a <form> inside the editor's <form> is not valid HTML.
 */
export function SignInDialog({ username, onSignedIn, onCancel }: { username: string; onSignedIn: () => void; onCancel: () => void }) {
  const ids = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const userRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    (username ? passwordRef.current : userRef.current)?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [username]);

  const submit = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    setPending(true);
    setMessage(null);
    try {
      const res = await fetch('/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        credentials: 'same-origin',
        body: JSON.stringify({ username: String(data.get('username') ?? ''), password: String(data.get('password') ?? '') }),
      });
      const reply = (await res.json().catch(() => ({}))) as Reply;
      if (!res.ok || !reply.ok) return setMessage(reply.message ?? '登录失败，请重试');
      if (reply.mustChangePassword) return setMessage('管理员重置了你的密码：请在新标签页中修改密码后，再回到此处保存（本页内容不会丢失）。');
      onSignedIn();
    } catch {
      setMessage('无法连接服务器，请稍后重试；本页内容不会丢失。');
    } finally {
      setPending(false);
    }
  };

  return createPortal(
    <dialog
      ref={ref}
      className="card confirm-dialog"
      aria-labelledby={`${ids}-title`}
      aria-describedby={`${ids}-body`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit(e.currentTarget);
        }}
      >
        <h2 id={`${ids}-title`} style={{ marginTop: 0, fontSize: '1.1rem' }}>
          重新登录后保存
        </h2>
        <p id={`${ids}-body`}>登录已过期。请重新登录，登录后立即保存；你填写的内容仍在页面上，不会丢失。</p>
        <div aria-live="assertive">
          {message ? (
            <p className="alert alert-error" role="alert">
              {message}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={`${ids}-user`}>用户名</label>
          <input ref={userRef} id={`${ids}-user`} name="username" autoComplete="username" defaultValue={username} required />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-password`}>密码</label>
          <input ref={passwordRef} id={`${ids}-password`} name="password" type="password" autoComplete="current-password" required />
        </div>
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={isPending}>
            {isPending ? '正在登录…' : '登录并保存'}
          </button>
          <button type="button" className="btn" onClick={onCancel}>
            取消
          </button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
