'use client';

import { useEffect } from 'react';

/** Asks before leaving with unsaved changes: closing the tab, or following a link inside the app. */
export function useUnsavedGuard(isDirty: () => boolean): void {
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!isDirty()) return;
      e.preventDefault();
      e.returnValue = '';
    };
    const onClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.('a[href]');
      if (!a || !isDirty() || a.getAttribute('target') === '_blank' || e.defaultPrevented) return;
      if (!window.confirm('有尚未保存的修改，离开后将丢失。确定离开吗？')) {
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
}
