/**
 * The wrapper every server action goes through: authenticate → the operation's rule from the table in
 * lib/auth/operations (permission, unit, separation of duties, status) → validate with the shared
 * schema → run (the command re-checks status and version inside its one transaction and audits) →
 * revalidate. Failures come back as results; users never see a stack trace.
 */
import 'server-only';
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/db/client';
import { clientAddress, readSession } from '@/lib/auth/request';
import { decide, decideCaller, serverAction, type Decision, type Operation, type ServerActionName } from '@/lib/auth/operations';
import type { Actor } from '@/lib/auth/permissions';
import type { Status } from '@/lib/domain/workflow';
import { operationTarget } from '@/lib/projects/access';
import { ActionError, refusalError } from './errors';
import type { ActionResult, FieldErrors } from './result';

export type ActionContext = { actor: Actor; ip: string };

type Spec<S extends z.ZodType, T> = {
  /** The exported name of the action: its row in the operations table. */
  name: ServerActionName;
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
  if (isDatabaseUnavailable(error)) {
    // Not a fault of the request: the form keeps what was typed and the user saves again later.
    console.error(`[action ${name}] database unavailable:`, error instanceof Error ? error.message : error);
    return { ok: false, code: 'unavailable', message: DATABASE_UNAVAILABLE_MESSAGE, fieldErrors: {} };
  }
  console.error(`[action ${name}]`, error);
  return { ok: false, code: 'error', message: '服务器处理出错，请稍后重试；如果问题持续，请联系管理员', fieldErrors: {} };
}

function refusal(decision: Exclude<Decision, 'allow'>, op: Operation, status?: Status): ActionResult<never> {
  return fail(refusalError(decision, op, status), 'refusal');
}

export function defineAction<S extends z.ZodType, T>(spec: Spec<S, T>) {
  const op = serverAction(spec.name);
  return async (raw: unknown): Promise<ActionResult<T>> => {
    try {
      const session = await readSession();
      const caller = { actor: session?.actor ?? null, mustChangePassword: session?.mustChangePassword ?? false };
      const early = decideCaller(op, caller);
      if (early !== 'allow') return refusal(early, op);
      // Every action defined here needs a session, public ones (sign-in, sign-out) are plain functions.
      if (!caller.actor) return refusal('unauthenticated', op);
      const actor = caller.actor;
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
      // An operation decided in its command is checked there, inside the transaction that reads the table.
      const target = op.isDecidedInCommand ? null : await operationTarget(op, parsed.data, actor);
      if (target) {
        const decision = decide(op, caller, target);
        if (decision !== 'allow') return refusal(decision, op, target.status);
      }
      const ctx: ActionContext = { actor, ip: await clientAddress() };
      const data = await spec.run(parsed.data, ctx);
      for (const p of spec.revalidate?.(parsed.data, data) ?? []) revalidatePath(p);
      return { ok: true, data };
    } catch (error) {
      return fail(error, spec.name);
    }
  };
}
