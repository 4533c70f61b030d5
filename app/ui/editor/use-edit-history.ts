'use client';

import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import type { UseFormWatch } from 'react-hook-form';
import type { TableInput } from '@/lib/domain/schemas';
import { createEditHistory, historyAnnouncement } from '@/lib/editor/edit-history';
import { historyKey } from '@/lib/editor/grid-keys';
import { createDebounce } from '@/lib/editor/timing';
import type { Announcer } from './announcer';
import { applyValues } from './apply-values';
import type { EditorForm } from './context';

/** Typing pauses this long, or the field is left, and the edit becomes one undo step. */
const STEP_AFTER_MS = 600;
const SETTLE_MS = 100;

/**
 * Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) undo and redo any edit of the table, rows deleted or marked 不适用
 * included. A DOM listener checked against the form element (not React's tree), so keys in dialogs
 * rendered through portals keep their own meaning.
 */
export function useEditHistory(formEl: RefObject<HTMLFormElement | null>, form: Pick<EditorForm, 'getValues' | 'setValue'>, watch: UseFormWatch<TableInput>, announcer: Announcer, initial: TableInput): void {
  const history = useMemo(() => createEditHistory(JSON.stringify(initial)), [initial]);
  // Set after a step is put back: the changes that follow until the next pause are the form settling, not an edit.
  const isSettling = useRef(false);
  const current = useCallback(() => JSON.stringify(form.getValues()), [form]);
  const step = useMemo(() => createDebounce(() => history.commit(current()), STEP_AFTER_MS), [history, current]);
  useEffect(() => {
    history.settle(current());
    const poke = () => {
      if (!isSettling.current) step.poke();
    };
    const sub = watch(poke);
    const el = formEl.current;
    let settleTimer: ReturnType<typeof setTimeout> | undefined;
    // A person typing (or pasting) while the form settles: what the form holds just before is the undo point,
    // and the keystroke is a new edit — never absorbed into the step that was put back.
    const onBeforeInput = (e: Event) => {
      if (!isSettling.current || !e.isTrusted) return;
      clearTimeout(settleTimer);
      history.settle(current());
      isSettling.current = false;
    };
    const onLeave = () => {
      if (!isSettling.current) step.flush();
    };
    const onKey = (e: KeyboardEvent) => {
      const kind = historyKey(e);
      // In the table, or nowhere in particular (focus left on the page after a dialog closed); never in a dialog.
      if (!kind || !el || !(e.target instanceof Node) || !(el.contains(e.target) || e.target === document.body)) return;
      e.preventDefault();
      step.cancel();
      if (isSettling.current) history.settle(current());
      isSettling.current = false;
      const json = kind === 'undo' ? history.undo(current()) : (history.commit(current()), history.redo());
      const keys = json === null ? [] : applyValues(form, JSON.parse(json) as TableInput);
      if (keys.length) {
        // Rows remount within a frame or two; what the form then holds is this step, not a new edit.
        isSettling.current = true;
        clearTimeout(settleTimer);
        settleTimer = setTimeout(() => {
          history.settle(current());
          isSettling.current = false;
        }, SETTLE_MS);
      }
      announcer.say(historyAnnouncement(kind, keys));
    };
    el?.addEventListener('focusout', onLeave);
    el?.addEventListener('beforeinput', onBeforeInput, true);
    document.addEventListener('keydown', onKey);
    return () => {
      sub.unsubscribe();
      step.cancel();
      clearTimeout(settleTimer);
      el?.removeEventListener('focusout', onLeave);
      el?.removeEventListener('beforeinput', onBeforeInput, true);
      document.removeEventListener('keydown', onKey);
    };
  }, [formEl, form, watch, step, history, announcer, current]);
}
