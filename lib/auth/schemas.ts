import { z } from 'zod';
import '@/lib/domain/schemas';
import { textField } from '@/lib/domain/text';

export const signInSchema = z.object({
  username: textField('用户名').min(1, '请输入用户名').max(64, '用户名过长').transform((v) => v.toLowerCase()),
  password: z.string().min(1, '请输入密码').max(200, '密码过长'),
  next: z.string().max(300).optional(),
});

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, '请输入当前密码').max(200),
    password: z.string().min(1, '请输入新密码').max(200),
    confirm: z.string().max(200),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: '两次输入的新密码不一致' });

const DUMMY_ORIGIN = 'http://next.invalid';

/**
 * Only same-site paths may be used as the post-sign-in destination. The URL parser decides (it drops
 * tabs and newlines and reads `\` as `/`, so `/\t/evil.com` is `//evil.com`, another host); the result
 * must stay on the dummy origin and its path must start with exactly one `/`.
 */
export function safeNextPath(next: string | undefined): string {
  const fallback = '/projects';
  if (!next || !next.startsWith('/')) return fallback;
  let url: URL;
  try {
    url = new URL(next, DUMMY_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== DUMMY_ORIGIN || !url.pathname.startsWith('/') || url.pathname.startsWith('//')) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
