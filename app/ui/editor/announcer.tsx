'use client';

import { useSyncExternalStore } from 'react';

/**
 * What the grid's keys did, said to screen readers (moves, fills, inserted rows, undo and redo). A
 * store, so announcing re-renders only the live region, never the table.
 */
export type Announcer = { say: (text: string) => void; subscribe: (f: () => void) => () => void; text: () => string };

export function createAnnouncer(): Announcer {
  let current = '';
  let flip = false;
  const listeners = new Set<() => void>();
  return {
    say(text) {
      // The same words twice in a row must be heard twice: a trailing invisible mark makes them differ.
      flip = !flip;
      current = flip ? text : `${text}\u200b`;
      listeners.forEach((f) => f());
    },
    subscribe(f) {
      listeners.add(f);
      return () => listeners.delete(f);
    },
    text: () => current,
  };
}

export function LiveAnnouncer({ announcer }: { announcer: Announcer }) {
  const text = useSyncExternalStore(announcer.subscribe, announcer.text, () => '');
  return (
    <div className="sr-only" aria-live="polite" data-testid="grid-announcer">
      {text}
    </div>
  );
}
