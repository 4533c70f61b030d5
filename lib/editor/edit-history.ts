/**
 * Undo and redo for every edit of the table: typing, pasting, adding, deleting and moving rows, 不适用.
 * Snapshots of the whole form (as JSON, so they are immutable and cheap to compare); the editor commits
 * one when a field is left or typing pauses, so a step is one cell's edit or one row operation.
 */
export type EditHistory = {
  /** Records the state as it is now; nothing happens if it equals the last one. Clears redo. */
  commit: (json: string) => boolean;
  /** The state to go back to (the current one is committed first), or null at the start. */
  undo: (currentJson: string) => string | null;
  redo: () => string | null;
  canUndo: () => boolean;
  canRedo: () => boolean;
  /** After a save or a restored draft: starts afresh from this state. */
  reset: (json: string) => void;
  /**
   * The form settled after a step was put back (fields remount and may re-read their values): the
   * current step becomes that state, without clearing redo.
   */
  settle: (json: string) => void;
};

export function createEditHistory(initial: string, limit = 100): EditHistory {
  let past: string[] = [];
  let present = initial;
  let future: string[] = [];
  const commit = (json: string) => {
    if (json === present) return false;
    past.push(present);
    if (past.length > limit) past = past.slice(past.length - limit);
    present = json;
    future = [];
    return true;
  };
  return {
    commit,
    undo(currentJson) {
      commit(currentJson);
      const previous = past.pop();
      if (previous === undefined) return null;
      future.push(present);
      present = previous;
      return present;
    },
    redo() {
      const next = future.pop();
      if (next === undefined) return null;
      past.push(present);
      present = next;
      return present;
    },
    canUndo: () => past.length > 0,
    canRedo: () => future.length > 0,
    settle(json) {
      present = json;
    },
    reset(json) {
      past = [];
      future = [];
      present = json;
    },
  };
}

/** The top-level parts of two states that differ, so applying a snapshot touches only those fields. */
export function changedKeys<T extends Record<string, unknown>>(from: T, to: T): (keyof T)[] {
  const keys = new Set([...Object.keys(from), ...Object.keys(to)]);
  return [...keys].filter((k) => JSON.stringify(from[k]) !== JSON.stringify(to[k])) as (keyof T)[];
}

/** What a screen reader hears after an undo or redo: which part of the table came back. */
export function historyAnnouncement(kind: 'undo' | 'redo', keys: readonly string[]): string {
  const labels: Record<string, string> = { indicators: '绩效指标', schedule: '资金支出计划', goal: '绩效目标', purpose: '资金用途', longtermGoal: '中长期目标', budget: '预算', name: '项目名称', code: '项目编码' };
  const parts = [...new Set(keys.map((k) => labels[k] ?? '表头'))];
  const verb = kind === 'undo' ? '已撤销' : '已重做';
  return parts.length ? `${verb}：${parts.join('、')}` : kind === 'undo' ? '没有可撤销的修改' : '没有可重做的修改';
}
