/**
 * Live findings for the editor, held outside React state so that a new set of findings re-renders only
 * the notes whose findings changed, never the whole form.
 */
import type { Finding } from '@/lib/domain/rules';

type Listener = () => void;

export type FindingsStore = {
  set: (findings: Finding[]) => void;
  all: () => Finding[];
  /** Findings at `path` or below it (`indicators.3` covers `indicators.3.value`). */
  at: (path: string) => Finding[];
  subscribe: (listener: Listener) => () => void;
};

export function createFindingsStore(): FindingsStore {
  let findings: Finding[] = [];
  const byPath = new Map<string, Finding[]>();
  const cache = new Map<string, Finding[]>();
  const listeners = new Set<Listener>();
  const key = (f: Finding[]) => f.map((x) => `${x.rule}|${x.path}|${x.message}`).join('\n');
  return {
    set(next) {
      if (key(next) === key(findings)) return;
      findings = next;
      byPath.clear();
      for (const f of next) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f]);
      // Keep the previous array where nothing changed, so subscribers compare equal and skip rendering.
      for (const [p, old] of cache) {
        const now = computeAt(p);
        if (key(now) !== key(old)) cache.set(p, now);
      }
      for (const l of listeners) l();
    },
    all: () => findings,
    at(path) {
      let hit = cache.get(path);
      if (!hit) {
        hit = computeAt(path);
        cache.set(path, hit);
      }
      return hit;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };

  function computeAt(path: string): Finding[] {
    const out: Finding[] = [];
    for (const [p, list] of byPath) if (p === path || p.startsWith(`${path}.`)) out.push(...list);
    return out;
  }
}
