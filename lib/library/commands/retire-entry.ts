/** Retiring an entry: it stays (its counts keep being learned) but is never suggested or listed in 挑选指标. */
import { write } from '@/db/client';
import { getEntries, setEntryRetired } from '@/db/queries/library-curation';
import { denied, invalid, notFound } from '@/lib/actions/errors';
import { can } from '@/lib/auth/permissions';
import type { Who } from '@/lib/projects/commands/shared';
import { auditLibrary } from './audit';

export async function retireEntry(who: Who, entryId: number, isRetired: boolean): Promise<{ entryId: number; isRetired: boolean }> {
  if (!can(who.actor, 'admin.manage', null)) throw denied();
  return write(async () => {
    const [entry] = await getEntries([entryId]);
    if (!entry) throw notFound('指标');
    if (entry.mergedInto !== null) throw invalid(`“${entry.name}”已合并到另一条指标，请在那一条上操作`);
    if (entry.isRetired !== isRetired) {
      await setEntryRetired(entryId, isRetired);
      await auditLibrary(who, isRetired ? 'retire' : 'restore', entryId, { level1: entry.level1, level2: entry.level2, name: entry.name });
    }
    return { entryId, isRetired };
  });
}
