'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/result';

export type DraftMessage = { ok: boolean; text: string } | null;

type Options<T> = {
  initial: T;
  version: number;
  /** Stores `data` at `version`; answers the new version and the problems still to fix before submitting. */
  save: (data: T, version: number) => Promise<ActionResult<{ version: number; problems: readonly unknown[] }>>;
  submit: (version: number) => Promise<ActionResult<unknown>>;
  /** The prefix the server puts before a field's path in its errors (`report.`, `data.`). */
  fieldPrefix: string;
  /** Saved first even when nothing changed (a returned 自评表 goes back to draft by a save). */
  mustSaveBeforeSubmit: boolean;
  /** Called as submission starts (for example to point out every empty cell from then on). */
  onSubmitStart?: () => void;
};

function fieldErrorsOf(fieldErrors: Record<string, string[]>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k.startsWith(prefix) ? k.slice(prefix.length) : k, v[0] ?? '']));
}

/**
 * A monitoring report or a 自评表 as its owner fills it: the values, their version, whether anything is
 * unsaved, the server's field errors (dropped at the next change: the live check speaks from then on),
 * and 保存 / 提交审核 (which saves first what is unsaved).
 */
export function useReportDraft<T>({ initial, version: initialVersion, save: saveAction, submit: submitAction, fieldPrefix, mustSaveBeforeSubmit, onSubmitStart }: Options<T>) {
  const router = useRouter();
  const [data, setData] = useState(initial);
  const [version, setVersion] = useState(initialVersion);
  const [isDirty, setDirty] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<DraftMessage>(null);
  const [isPending, startTransition] = useTransition();

  const update = (patch: Partial<T>) => {
    setData((d) => ({ ...d, ...patch }));
    setDirty(true);
    setServerErrors({});
  };
  const save = async (): Promise<number | null> => {
    const r = await saveAction(data, version);
    if (!r.ok) {
      setServerErrors(fieldErrorsOf(r.fieldErrors, fieldPrefix));
      setMessage({ ok: false, text: r.message });
      return null;
    }
    setServerErrors({});
    setVersion(r.data.version);
    setDirty(false);
    setMessage({ ok: true, text: r.data.problems.length > 0 ? `已保存；提交前还须处理 ${r.data.problems.length} 处` : '已保存' });
    return r.data.version;
  };
  const onSave = () => startTransition(async () => void (await save()));
  const onSubmit = () =>
    startTransition(async () => {
      onSubmitStart?.();
      const v = isDirty || mustSaveBeforeSubmit ? await save() : version;
      if (v === null) return;
      const r = await submitAction(v);
      if (!r.ok) {
        setServerErrors(fieldErrorsOf(r.fieldErrors, fieldPrefix));
        setMessage({ ok: false, text: r.message });
        return;
      }
      setMessage({ ok: true, text: '已提交审核' });
      router.refresh();
    });
  return { data, update, isDirty, serverErrors, message, isPending, onSave, onSubmit };
}
