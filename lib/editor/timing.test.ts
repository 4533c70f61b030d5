import { describe, expect, it } from 'vitest';
import { autosavedText, createDebounce, isKeepaliveDue, shouldAutosave } from './timing';

describe('the keepalive while typing', () => {
  it('is sent at the first keystroke, then at most once a minute', () => {
    expect(isKeepaliveDue(null, 5)).toBe(true);
    expect(isKeepaliveDue(1000, 1000 + 59_999)).toBe(false);
    expect(isKeepaliveDue(1000, 1000 + 60_000)).toBe(true);
  });
});

describe('autosave', () => {
  const ready = { isExisting: true, isDirty: true, isSaving: false, isSignInNeeded: false, isValid: true };
  it('saves an existing, changed, readable draft', () => {
    expect(shouldAutosave(ready)).toBe(true);
  });
  it('never creates a table, saves nothing unchanged, waits for a save in flight or a sign-in, skips unreadable input', () => {
    expect(shouldAutosave({ ...ready, isExisting: false })).toBe(false);
    expect(shouldAutosave({ ...ready, isDirty: false })).toBe(false);
    expect(shouldAutosave({ ...ready, isSaving: true })).toBe(false);
    expect(shouldAutosave({ ...ready, isSignInNeeded: true })).toBe(false);
    expect(shouldAutosave({ ...ready, isValid: false })).toBe(false);
  });
  it('says when it saved, as HH:mm', () => {
    expect(autosavedText(new Date(2024, 0, 1, 9, 5))).toBe('自动保存于 09:05');
  });
});

describe('the debounce', () => {
  function clock() {
    let now = 0;
    let pending: { at: number; f: () => void; id: number }[] = [];
    let id = 0;
    return {
      timers: { set: (f: () => void, ms: number) => (pending.push({ at: now + ms, f, id: ++id }), id), clear: (h: unknown) => void (pending = pending.filter((p) => p.id !== h)) },
      advance(ms: number) {
        now += ms;
        const due = pending.filter((p) => p.at <= now);
        pending = pending.filter((p) => p.at > now);
        due.forEach((p) => p.f());
      },
    };
  }
  it('runs once, after the last poke has waited out', () => {
    const c = clock();
    let runs = 0;
    const d = createDebounce(() => runs++, 30_000, c.timers);
    d.poke();
    c.advance(20_000);
    d.poke();
    c.advance(20_000);
    expect(runs).toBe(0);
    c.advance(10_000);
    expect(runs).toBe(1);
    expect(d.isPending()).toBe(false);
  });
  it('flush runs a pending call at once; cancel drops it', () => {
    const c = clock();
    let runs = 0;
    const d = createDebounce(() => runs++, 800, c.timers);
    d.flush();
    expect(runs).toBe(0);
    d.poke();
    d.flush();
    expect(runs).toBe(1);
    d.poke();
    d.cancel();
    c.advance(1000);
    expect(runs).toBe(1);
  });
});
