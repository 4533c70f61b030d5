/**
 * How many tables may be rendered into downloads at once. A large section (hundreds of tables) takes
 * tens of MB while its XLSX or PDF is built; several at once, through the public disclosure route as
 * well, would push the server toward its heap limit. Each export holds as many places as it has tables
 * until its stream closes (sent, failed, or the client went away); one that does not fit waits in
 * turn, and is refused as busy after `waitMs` (or drops out when its client goes away). A section
 * larger than the whole capacity still runs, alone. Small exports (the common case: one table, a
 * unit's 20–100) never wait.
 */

export type ExportGate = {
  /**
   * A release function once admitted (call it at least once; later calls do nothing), or null when
   * the wait ran out or `signal` aborted (the client went away) before it got in.
   */
  acquire(tables: number, signal?: AbortSignal): Promise<(() => void) | null>;
  /** Places held by exports now being rendered, and exports waiting. */
  state(): { held: number; waiting: number };
};

type Waiter = { weight: number; admit: () => void };

export function createExportGate(opts: { capacity: number; waitMs: number; freeBelow: number }): ExportGate {
  let held = 0;
  const queue: Waiter[] = [];

  function fits(weight: number): boolean {
    return held === 0 || held + weight <= opts.capacity;
  }

  /** In order: the head of the queue goes first, so a large export is not starved by smaller ones. */
  function admitWaiting(): void {
    while (queue.length > 0 && fits(queue[0]!.weight)) {
      const next = queue.shift()!;
      held += next.weight;
      next.admit();
    }
  }

  function releaser(weight: number): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      held -= weight;
      admitWaiting();
    };
  }

  return {
    acquire(tables, signal) {
      if (signal?.aborted) return Promise.resolve(null);
      if (tables < opts.freeBelow) return Promise.resolve(() => {});
      const weight = Math.min(tables, opts.capacity);
      if (queue.length === 0 && fits(weight)) {
        held += weight;
        return Promise.resolve(releaser(weight));
      }
      return new Promise((resolve) => {
        const leave = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', leave);
          const i = queue.indexOf(waiter);
          if (i >= 0) queue.splice(i, 1);
          resolve(null);
          // The one that gave up may have been holding back those behind it.
          admitWaiting();
        };
        const waiter: Waiter = {
          weight,
          admit: () => {
            clearTimeout(timer);
            signal?.removeEventListener('abort', leave);
            resolve(releaser(weight));
          },
        };
        const timer = setTimeout(leave, opts.waitMs);
        signal?.addEventListener('abort', leave, { once: true });
        queue.push(waiter);
      });
    },
    state: () => ({ held, waiting: queue.length }),
  };
}

function intEnv(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

/**
 * The server's gate. 2,000 tables at once: two 1,000-table sections render together within about
 * 275 MB of server memory under the 256 MB heap limit (`scripts/bench/export-concurrent.ts`).
 */
export const exportGate = createExportGate({
  capacity: intEnv('EXPORT_TABLES_AT_ONCE', 2_000),
  waitMs: intEnv('EXPORT_WAIT_SECONDS', 60) * 1000,
  freeBelow: 200,
});
