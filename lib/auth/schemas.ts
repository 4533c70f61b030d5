import { z } from 'zod';
import '@/lib/domain/schemas';

export const signInSchema = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64, '用户名过长'),
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

/** Only same-site paths may be used as the post-sign-in destination. */
export function safeNextPath(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/projects';
}
