'use client';

import { ActionMessage } from '@/app/ui/action-message';
import { useAction } from '@/app/ui/use-action';
import { setSelfEvalPublicAction } from '../../actions';

/** The unit-year's 公开自评 switch (off by default), for administrators. */
export function PublicSwitch({ unitYearId, isPublic }: { unitYearId: number; isPublic: boolean }) {
  const { run, isPending, result } = useAction(setSelfEvalPublicAction, (d) => (d.isPublic ? '已公开自评结果' : '已取消公开'));
  return (
    <>
      <label className="row" style={{ gap: 6, fontWeight: 400 }}>
        <input type="checkbox" checked={isPublic} disabled={isPending} onChange={(e) => run({ unitYearId, isPublic: e.target.checked })} />
        公开自评
      </label>
      <ActionMessage result={result} />
    </>
  );
}
