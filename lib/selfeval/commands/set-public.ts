import { write } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { findSelfEvalRound, setSelfEvalRoundPublic } from '@/db/queries/selfeval';
import { getUnitYear } from '@/db/queries/units';
import { notFound, wrongState } from '@/lib/actions/errors';
import { requireAdmin } from '@/lib/projects/access';
import type { SetSelfEvalPublicInput } from '../schemas';
import type { Who } from './shared';

/**
 * The unit-year's 公开自评 switch (off when opened): while on, its approved 自评表 show on the public
 * disclosure page beside the targets. Only a unit-year whose self-evaluation is open has one.
 */
export async function setSelfEvalPublic(who: Who, input: SetSelfEvalPublicInput): Promise<{ isPublic: boolean }> {
  requireAdmin(who.actor);
  return write(async () => {
    const unitYear = await getUnitYear(input.unitYearId);
    if (!unitYear) throw notFound('预算年度');
    const round = await findSelfEvalRound(input.unitYearId);
    if (!round) throw wrongState(`${unitYear.year} 年度尚未开启绩效自评，不能公开自评结果`);
    await setSelfEvalRoundPublic(round.id, input.isPublic);
    await appendAudit({
      userId: who.actor.id,
      username: who.actor.username,
      action: input.isPublic ? 'publish' : 'unpublish',
      entity: 'selfeval-round',
      entityId: round.id,
      unitId: unitYear.unitId,
      changes: { year: unitYear.year, isPublic: input.isPublic },
      ip: who.ip,
    });
    return { isPublic: input.isPublic };
  });
}
