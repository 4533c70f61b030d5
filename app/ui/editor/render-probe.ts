/**
 * Counts renders of editor parts when a measuring script asks for it (it sets `window.__ptRenders` before
 * the page loads); otherwise one property read. This is how the keystroke benchmark shows that typing in
 * one row leaves the other rows alone.
 */
type ProbeWindow = { __ptRenders?: Record<string, number> };

export function countRender(part: string): void {
  if (typeof window === 'undefined') return;
  const counts = (window as ProbeWindow).__ptRenders;
  if (counts) counts[part] = (counts[part] ?? 0) + 1;
}
