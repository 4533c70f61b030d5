'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useRef, useState, type RefObject } from 'react';
import type { FieldErrors, UseFormReturn } from 'react-hook-form';
import type { TableInput } from '@/lib/domain/schemas';
import { createdEditorHref } from '@/lib/editor/save-status';
import { createTableAction, saveTableAction } from '@/app/(staff)/projects/actions';
import { focusFirstError } from './focus';

export type Banner = { kind: 'ok' | 'error' | 'warn'; text: string } | null;

type Options = {
  form: UseFormReturn<TableInput>;
  unitYearId: number;
  projectId: number | null;
  version: number | null;
  /** JSON of the values last saved; the editor compares the form with it to know whether it is dirty. */
  saved: RefObject<string>;
  /** Recomputes findings and dirtiness from the form as it is now. */
  recompute: () => void;
  /** After a save: the table and version the saved edits were based on (their local copy can go). */
  onSaved?: (basedOn: { projectId: number | null; version: number | null }) => void;
};

/** A quiet save is the autosave: no banner when it works, no jump to a format error. */
export type SaveOptions = { isQuiet?: boolean };
const SIGNED_OUT = '登录已过期：请在弹出的窗口中重新登录，登录后会自动保存。你填写的内容仍在页面上。';
const SIGNED_OUT_QUIET = '登录已过期，自动保存未完成：点“保存草稿”后可在此重新登录，填写的内容不会丢失。';

const NETWORK_FAILURE = '保存失败：无法连接服务器或内容过大。你填写的内容仍在页面上，请稍后重试。';

/**
 * Saving: one save at a time (the button and Ctrl+S share the guard), and the snapshot of what was
 * saved is what was submitted, so edits typed while the request was out stay marked unsaved.
 */
export function useTableSave({ form, unitYearId, ...props }: Options) {
  const router = useRouter();
  const [projectId, setProjectId] = useState(props.projectId);
  const [version, setVersion] = useState(props.version);
  const [banner, setBanner] = useState<Banner>(null);
  const [isSaving, setSaving] = useState(false);
  const [autosavedAt, setAutosavedAt] = useState<Date | null>(null);
  // The session ended during a save: the sign-in dialog is open, and the save runs again after it.
  const [isSignInNeeded, setSignInNeeded] = useState(false);
  const isBusy = useRef(false);
  const latest = useRef({ projectId, version });
  latest.current = { projectId, version };
  const { getValues, setValue, handleSubmit } = form;
  const { saved, recompute, onSaved } = props;

  const afterSave = useCallback(
    (submitted: TableInput, keys: readonly string[]) => {
      // The server may replace a repeated row key: carry its keys into the snapshot, and into the form's
      // rows that still hold what was submitted at the same place.
      submitted.indicators.forEach((row, i) => {
        const key = keys[i];
        if (!key || row.key === key) return;
        if (getValues(`indicators.${i}.key`) === row.key) setValue(`indicators.${i}.key`, key);
        row.key = key;
      });
      saved.current = JSON.stringify(submitted);
      recompute();
    },
    [getValues, setValue, saved, recompute],
  );

  const submit = useCallback(
    async (submitted: TableInput, values: TableInput, isQuiet: boolean) => {
      const { projectId: id, version: v } = latest.current;
      const signedOut = () => {
        if (isQuiet) return setBanner({ kind: 'warn', text: SIGNED_OUT_QUIET });
        setBanner({ kind: 'warn', text: SIGNED_OUT });
        setSignInNeeded(true);
      };
      if (id === null) {
        const r = await createTableAction({ unitYearId, table: values });
        if (!r.ok) return r.code === 'unauthenticated' ? signedOut() : setBanner({ kind: 'error', text: r.message });
        afterSave(submitted, []);
        onSaved?.({ projectId: id, version: v });
        if (JSON.stringify(getValues()) === saved.current) {
          router.push(createdEditorHref(r.data.projectId));
          return;
        }
        // Typed on while the table was being created: stay here, now editing the created table.
        setProjectId(r.data.projectId);
        setVersion(r.data.version);
        window.history.replaceState(window.history.state, '', `/projects/${r.data.projectId}/edit`);
        setBanner({ kind: 'ok', text: `已创建（版本 ${r.data.version}）。创建期间的修改尚未保存，请再保存一次。` });
        return;
      }
      const r = await saveTableAction({ projectId: id, version: v, table: values });
      if (!r.ok) return r.code === 'unauthenticated' ? signedOut() : setBanner({ kind: r.code === 'conflict' ? 'warn' : 'error', text: r.message });
      setVersion(r.data.version);
      afterSave(submitted, r.data.keys);
      onSaved?.({ projectId: id, version: v });
      if (isQuiet) {
        setAutosavedAt(new Date());
        return;
      }
      const errors = r.data.findings.filter((f) => f.severity === 'error').length;
      setBanner({ kind: 'ok', text: `已保存（版本 ${r.data.version}）${errors > 0 ? `。还有 ${errors} 个错误，修正后才能提交审核` : ''}` });
    },
    [unitYearId, afterSave, getValues, saved, router, onSaved],
  );

  const save = useCallback((opts: SaveOptions = {}) => {
    const isQuiet = opts.isQuiet === true;
    if (isBusy.current) return;
    isBusy.current = true;
    setSaving(true);
    if (!isQuiet) setBanner(null);
    // What is being saved, as the form holds it (the resolver passes the parsed copy to the action).
    const submitted = structuredClone(getValues());
    const onValid = async (values: TableInput) => {
      try {
        await submit(submitted, values, isQuiet);
      } catch {
        // The request itself failed (network, or a body over the server's limit): the form keeps everything.
        setBanner({ kind: 'error', text: NETWORK_FAILURE });
      }
    };
    const onInvalid = (errors: FieldErrors<TableInput>) => {
      if (isQuiet) return;
      setBanner({ kind: 'error', text: '有填写格式不正确的地方（已在字段旁标出），请修改后再保存。' });
      focusFirstError(errors as FieldErrors);
    };
    void handleSubmit(onValid, onInvalid)().finally(() => {
      isBusy.current = false;
      setSaving(false);
    });
  }, [getValues, handleSubmit, submit]);

  /** Signed in again in place: the dialog closes and the save that was refused runs again. */
  const afterSignIn = useCallback(() => {
    setSignInNeeded(false);
    setBanner(null);
    save();
  }, [save]);
  const isBusyNow = useCallback(() => isBusy.current, []);

  return { save, isSaving, isBusyNow, banner, projectId, version, autosavedAt, isSignInNeeded, afterSignIn, cancelSignIn: () => setSignInNeeded(false) };
}
