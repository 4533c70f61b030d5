'use client';

import { useConfirm } from '@/app/ui/confirm-dialog';
import { ActionMessage } from '@/app/ui/action-message';
import { useAction } from '@/app/ui/use-action';
import { renumberUnitYearAction } from '../../actions';

/** 重新编号: the published numbers 1…n in list order, asked first because published documents change. */
export function RenumberForm({ unitYearId, approved, isInOrder }: { unitYearId: number; approved: number; isInOrder: boolean }) {
  const { dialog, confirm } = useConfirm();
  const { run, isPending, result } = useAction(renumberUnitYearAction, (d: { changed: number }) => (d.changed > 0 ? `已重新编号：${d.changed} 张表的公开编号改变` : '编号已是列表顺序，无需改变'));
  const onClick = async () => {
    const r = await confirm({
      title: '重新编号？',
      body: `把本年度已审核通过的 ${approved} 张表按列表顺序重新编为 1–${approved}。已下载或已公开的文件中的编号会与新编号不同；此操作记入操作日志。`,
      confirmLabel: '重新编号',
      tone: 'primary',
    });
    if (r.isConfirmed) run({ unitYearId });
  };
  return (
    <section className="card" aria-labelledby="renumber-title">
      <h2 id="renumber-title" style={{ marginTop: 0 }}>
        公开编号
      </h2>
      <p className="muted">
        公开文本只收录审核通过的表，每张表在审核通过时得到下一个编号，以后再有表审核通过，已有编号不变。
        {isInOrder ? '目前公开编号与列表序号一致。' : '目前有表的公开编号与列表顺序不一致。'}
      </p>
      <button type="button" className="btn" onClick={() => void onClick()} disabled={isPending || approved === 0}>
        重新编号
      </button>{' '}
      <ActionMessage result={result} />
      {dialog}
    </section>
  );
}
