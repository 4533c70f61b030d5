'use client';

import { useEffect, useMemo } from 'react';

export type PointerGate = { run: (fn: () => void) => void };

/**
 * Holds back layout-changing updates (new findings, notes revealed on blur) while a mouse button or finger
 * is down, and runs them just after the click. Otherwise a message appearing on mousedown pushes the
 * button the user is pressing away from the pointer, and the click lands elsewhere.
 */
export function usePointerGate(): PointerGate {
  const state = useMemo(() => ({ isDown: false, queue: [] as (() => void)[] }), []);
  useEffect(() => {
    const flush = () => {
      const queued = state.queue.splice(0);
      for (const fn of queued) fn();
    };
    const down = () => {
      state.isDown = true;
    };
    const up = () => {
      state.isDown = false;
      // After the click that follows this pointerup in the same task.
      setTimeout(flush, 0);
    };
    document.addEventListener('pointerdown', down, true);
    document.addEventListener('pointerup', up, true);
    document.addEventListener('pointercancel', up, true);
    return () => {
      document.removeEventListener('pointerdown', down, true);
      document.removeEventListener('pointerup', up, true);
      document.removeEventListener('pointercancel', up, true);
    };
  }, [state]);
  return useMemo(() => ({ run: (fn) => (state.isDown ? state.queue.push(fn) : fn()) }), [state]);
}
