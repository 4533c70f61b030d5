/**
 * Which fields show their rule findings. A new table starts with nearly every field empty, and a wall of
 * red before the user has typed anything helps nobody: there a field shows its findings once the user
 * has left it, and every field after the first save attempt. An existing table shows everything.
 * (The findings panel always lists all findings.)
 */
type Listener = () => void;

export type RevealStore = {
  isShown: (id: string) => boolean;
  isAllShown: () => boolean;
  /** The user left the element with this id. */
  visit: (id: string) => void;
  revealAll: () => void;
  subscribe: (listener: Listener) => () => void;
};

export function createRevealStore(isAllShown: boolean): RevealStore {
  let isAll = isAllShown;
  const visited = new Set<string>();
  const listeners = new Set<Listener>();
  const notify = () => listeners.forEach((l) => l());
  return {
    isShown: (id) => isAll || visited.has(id),
    isAllShown: () => isAll,
    visit(id) {
      if (isAll || visited.has(id)) return;
      visited.add(id);
      notify();
    },
    revealAll() {
      if (isAll) return;
      isAll = true;
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
