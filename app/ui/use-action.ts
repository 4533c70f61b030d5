'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/result';

/** Runs a server action from a small form: pending state, the result message, a refresh on success. */
export function useAction<T>(action: (input: unknown) => Promise<ActionResult<T>>, okMessage?: (data: T) => string) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; message: string; fieldErrors: Record<string, string[]> } | null>(null);
  const run = (input: unknown, onOk?: (data: T) => void) =>
    startTransition(async () => {
      const r = await action(input);
      if (r.ok) {
        setResult({ ok: true, message: okMessage ? okMessage(r.data) : '已保存', fieldErrors: {} });
        onOk?.(r.data);
        router.refresh();
      } else {
        setResult({ ok: false, message: r.message, fieldErrors: r.fieldErrors });
      }
    });
  return { run, isPending, result };
}
