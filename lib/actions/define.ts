/**
 * The wrapper every server action goes through: authenticate → validate with the shared schema →
 * run (which checks permission and unit scope via `scope.ts`, writes in one transaction and audits)
 * → revalidate. Failures come back as results; users never see a stack trace.
 */
import 'server-only';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { clientAddress, currentSession } from '@/lib/auth/request';
import type { Actor } from '@/lib/auth/permissions';
import { ActionError } from './errors';
import type { ActionResult, FieldErrors } from './result';

export type ActionContext = { actor: Actor; ip: string };

type Spec<S extends z.ZodType, T> = {
  name: string;
  schema: S;
  run: (input: z.output<S>, ctx: ActionContext) => Promise<T> | T;
  /** Paths whose cached pages change when this action succeeds. */
  revalidate?: (input: z.output<S>, data: T) => string[];
};

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

function formDataToObject(fd: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of fd.entries()) if (!k.startsWith('$ACTION')) out[k] = typeof v === 'string' ? v : null;
  return out;
}

export function fail(error: unknown, name: string): ActionResult<never> {
  if (error instanceof ActionError) {
    return { ok: false, code: error.code, message: error.message, fieldErrors: error.fieldErrors, detail: error.detail };
  }
  console.error(`[action ${name}]`, error);
  return { ok: false, code: 'error', message: '服务器处理出错，请稍后重试；如果问题持续，请联系管理员', fieldErrors: {} };
}

export function defineAction<S extends z.ZodType, T>(spec: Spec<S, T>) {
  return async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const session = await currentSession();
      if (!session) return { ok: false, code: 'unauthenticated', message: '登录已过期，请重新登录', fieldErrors: {} };
      const parsed = spec.schema.safeParse(raw instanceof FormData ? formDataToObject(raw) : raw);
      if (!parsed.success) {
        const fieldErrors = zodFieldErrors(parsed.error);
        const first = Object.entries(fieldErrors)[0];
        return {
          ok: false,
          code: 'invalid',
          message: first ? `输入有误：${first[1][0]}` : '输入有误',
          fieldErrors,
        };
      }
      const ctx: ActionContext = { actor: session.actor, ip: await clientAddress() };
      const data = await spec.run(parsed.data, ctx);
      for (const p of spec.revalidate?.(parsed.data, data) ?? []) revalidatePath(p);
      return { ok: true, data };
    } catch (error) {
      return fail(error, spec.name);
    }
  };
}
