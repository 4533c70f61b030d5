'use client';

import { useEffect, useRef } from 'react';

const QUESTION = '有尚未保存的修改，离开后将丢失。确定离开吗？';
const GUARD = 'ptUnsavedGuard';

type GuardState = Record<string, unknown> & { [GUARD]?: true };

/**
 * Asks before leaving with unsaved changes: closing or reloading the tab, following a link inside the
 * app, and the browser's back button. For the last, a copy of the current entry is pushed while the
 * form is dirty; going back lands on the original entry of the same page, and this hook asks first (the
 * listener runs in the capture phase, before Next's router sees the event).
 */
export function useUnsavedGuard(isDirty: () => boolean, isDirtyNow: boolean): void {
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!isDirty()) return;
      e.preventDefault();
      e.returnValue = '';
    };
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.('a[href]');
      if (!a || !isDirty() || a.getAttribute('target') === '_blank' || e.defaultPrevented) return;
      if (!window.confirm(QUESTION)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [isDirty]);

  // The back button. `isArmed` tells whether the entry on top is our copy (kept in a ref: Next's router
  // replaces the entry's state when it updates the page, so a flag in the state alone can be lost).
  const isArmed = useRef(false);
  useEffect(() => {
    isArmed.current = (window.history.state as GuardState | null)?.[GUARD] === true;
  }, []);
  useEffect(() => {
    const arm = () => {
      if (isArmed.current) return;
      window.history.pushState({ ...(window.history.state as GuardState | null), [GUARD]: true }, '', window.location.href);
      isArmed.current = true;
    };
    if (isDirtyNow) arm();
    // Armed at the first keystroke too, not only once the form has been compared (which waits for a pause
    // in typing): a back press right after typing must ask as well. Armed without changes is harmless —
    // going back then finds nothing to lose and simply goes on.
    document.addEventListener('input', arm, true);
    return () => document.removeEventListener('input', arm, true);
  }, [isDirtyNow]);
  useEffect(() => {
    const onPopState = (e: PopStateEvent) => {
      if (!isArmed.current) return;
      // We stepped from our copy back onto this page's own entry: the user asked to leave.
      isArmed.current = false;
      e.stopImmediatePropagation();
      if (isDirty() && !window.confirm(QUESTION)) {
        window.history.pushState({ ...(e.state as GuardState | null), [GUARD]: true }, '', window.location.href);
        isArmed.current = true;
        return;
      }
      window.history.back();
    };
    window.addEventListener('popstate', onPopState, true);
    return () => window.removeEventListener('popstate', onPopState, true);
  }, [isDirty]);
}
