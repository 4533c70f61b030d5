/**
 * `pt library rebuild`: learns the library again from every approved table — after a `db:copy`, or for a
 * database from before the library. Curated entries keep their curation. `learnApprovedAfter` learns
 * only tables written past the approval (db:synth writes approved tables directly).
 */
import { write } from '@/db/client';
import { applyLibraryDelta, approvedProjectsAfter, clearLearned, learnableRowsOf, type LearnableDbRow } from '@/db/queries/library';
import { contributionsOf } from '../learn';
import { deltaOf } from '../learning';

const BATCH = 500;

export type RebuildReport = { tables: number; ms: number };

/** Learns the approved tables whose id is above `afterId`, a batch of tables per statement group. */
export async function learnApprovedAfter(afterId: number): Promise<number> {
  return write(async () => {
    let after = afterId;
    let tables = 0;
    for (;;) {
      const batch = await approvedProjectsAfter(after, BATCH);
      if (batch.length === 0) break;
      const rows = await learnableRowsOf(batch.map((p) => p.id));
      const byProject = new Map<number, LearnableDbRow[]>();
      for (const r of rows) {
        const list = byProject.get(r.projectId);
        if (list) list.push(r);
        else byProject.set(r.projectId, [r]);
      }
      const tablesOfBatch = batch.map((p) => ({ projectId: p.id, unitId: p.unitId, contributions: contributionsOf(byProject.get(p.id) ?? []) }));
      await applyLibraryDelta(await deltaOf(tablesOfBatch, 1));
      tables += batch.length;
      after = batch[batch.length - 1]!.id;
    }
    return tables;
  });
}

export async function rebuildLibrary(): Promise<RebuildReport> {
  const started = Date.now();
  return write(async () => {
    await clearLearned();
    const tables = await learnApprovedAfter(0);
    return { tables, ms: Date.now() - started };
  });
}
