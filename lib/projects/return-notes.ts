/**
 * What a returned table's editor shows at the top (issue 19 item 2): the latest 退回理由 and every
 * reviewer comment with where it points, whether the owner marked it 已处理, and the anchor in the editor
 * the comment jumps to. The reviewer's overview shows the same marks.
 */
import { listCommentMarks, listComments, listReviewEvents } from '@/db/queries/review';
import { commentPlaceText } from '@/lib/domain/locations';
import { isReturnAction, returnLevelLabel } from '@/lib/domain/review-levels';
import type { TargetTable } from '@/lib/domain/table';

export type ReturnNote = {
  id: number;
  body: string;
  userName: string;
  at: number;
  /** The place as it read when written (and what it is called now), null for the whole table. */
  place: string | null;
  /** The editor path whose notes show this comment (`goal`, `indicators.3.row`); null when the place is gone. */
  path: string | null;
  isHandled: boolean;
  handledBy: string | null;
};

/** `returnLevel`: 部门审核 or 财政审核 when a two-level year's review returned it, else null. */
export type ReturnNotes = { reason: string | null; returnLevel: string | null; returnedBy: string | null; returnedAt: number | null; returnVersion: number | null; notes: ReturnNote[] };

/** The editor path of a comment target in a table. */
export function editorPath(target: string | null, table: TargetTable): string | null {
  if (target === null) return null;
  if (!target.startsWith('row:')) return target;
  const i = table.indicators.findIndex((r) => r.key === target.slice(4));
  return i < 0 ? null : `indicators.${i}.row`;
}

export async function returnNotes(projectId: number, table: TargetTable): Promise<ReturnNotes> {
  const events = await listReviewEvents(projectId);
  const lastReturn = events.filter((e) => isReturnAction(e.action)).at(-1) ?? null;
  const marks = await listCommentMarks(projectId);
  const notes = (await listComments(projectId)).map((c): ReturnNote => {
    const mark = marks.get(c.id);
    return {
      id: c.id,
      body: c.body,
      userName: c.userName,
      at: c.at,
      place: commentPlaceText(c, table),
      path: editorPath(c.target, table),
      isHandled: mark?.isHandled ?? false,
      handledBy: mark?.isHandled ? mark.userName : null,
    };
  });
  return {
    reason: lastReturn?.reason ?? null,
    returnLevel: lastReturn ? returnLevelLabel(lastReturn.action) : null,
    returnedBy: lastReturn?.userName ?? null,
    returnedAt: lastReturn?.at ?? null,
    returnVersion: lastReturn?.version ?? null,
    notes,
  };
}
