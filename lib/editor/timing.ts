/**
 * When the editor acts on its own while the user types: the session keepalive (throttled), the local
 * copy and the autosave (debounced). Pure decisions; the hooks own the timers.
 */

/** A keepalive is light but not free: at most one a minute, and only after typing. */
export const KEEPALIVE_EVERY_MS = 60_000;
/** The local copy follows typing closely: a crash loses at most this much. */
export const LOCAL_COPY_AFTER_MS = 800;
/** A draft saves itself this long after the last change. */
export const AUTOSAVE_AFTER_MS = 30_000;

/** Throttle: fire now unless the last one fired less than `everyMs` ago. */
export function isKeepaliveDue(lastSentAt: number | null, now: number, everyMs = KEEPALIVE_EVERY_MS): boolean {
  return lastSentAt === null || now - lastSentAt >= everyMs;
}

export type AutosaveState = {
  /** Only an existing table autosaves: creating one is the owner's decision. */
  isExisting: boolean;
  isDirty: boolean;
  isSaving: boolean;
  /** Waiting for the user to sign in again: saving would only ask again. */
  isSignInNeeded: boolean;
  /** The form passes the input schema (drafts save with rule errors, not with unreadable input). */
  isValid: boolean;
};

export function shouldAutosave(s: AutosaveState): boolean {
  return s.isExisting && s.isDirty && !s.isSaving && !s.isSignInNeeded && s.isValid;
}

/** `自动保存于 09:05`, in the browser's local time. */
export function autosavedText(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `自动保存于 ${two(at.getHours())}:${two(at.getMinutes())}`;
}

/** A debounce whose clock can be driven from tests: `poke` restarts the wait, `flush` runs now if pending. */
export function createDebounce(run: () => void, waitMs: number, timers: { set: (f: () => void, ms: number) => unknown; clear: (h: unknown) => void } = { set: (f, ms) => setTimeout(f, ms), clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) }) {
  let handle: unknown = null;
  const fire = () => {
    handle = null;
    run();
  };
  return {
    poke() {
      if (handle !== null) timers.clear(handle);
      handle = timers.set(fire, waitMs);
    },
    flush() {
      if (handle === null) return;
      timers.clear(handle);
      fire();
    },
    cancel() {
      if (handle !== null) timers.clear(handle);
      handle = null;
    },
    isPending: () => handle !== null,
  };
}
