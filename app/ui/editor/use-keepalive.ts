'use client';

import { useEffect, useRef } from 'react';
import { isKeepaliveDue } from '@/lib/editor/timing';

/**
 * Typing keeps the session alive: an owner typing for 40 minutes is not signed out by the idle limit,
 * which only counts requests. At most once a minute while the user types, a GET of /api/session
 * (authenticated; the session's last-seen time is refreshed as for any request).
 */
export function useKeepalive(form: React.RefObject<HTMLFormElement | null>): void {
  const lastSent = useRef<number | null>(null);
  useEffect(() => {
    const el = form.current;
    if (!el) return;
    const onInput = () => {
      const now = Date.now();
      if (!isKeepaliveDue(lastSent.current, now)) return;
      lastSent.current = now;
      // Nothing to do with the answer: an ended session is met by the save, which offers sign-in in place.
      void fetch('/api/session', { credentials: 'same-origin', cache: 'no-store' }).catch(() => undefined);
    };
    el.addEventListener('input', onInput);
    return () => el.removeEventListener('input', onInput);
  }, [form]);
}
