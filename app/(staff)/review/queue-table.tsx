'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { ProjectListRow } from '@/lib/projects/list';
import { formatWanyuan } from '@/lib/domain/money';
import { bulkApproveQuestion, noteOrUndefined } from '@/lib/review/confirmations';
import { isAllSelected, isQuietRow, selectAll, selectedRows, toggleRow } from '@/lib/review/queue-selection';
import { useConfirm } from '@/app/ui/confirm-dialog';
import { FindingCounts, StatusBadge } from '@/app/ui/status-badge';
import { bulkApproveAction } from '../projects/actions';

export function QueueTable({ rows, canBulkApprove }: { rows: ProjectListRow[]; canBulkApprove: boolean }) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  const { dialog, confirm } = useConfirm();
  const toggle = (id: number) => setSelected((s) => toggleRow(s, id));
  const approve = async () => {
    const chosen = selectedRows(rows, selected);
    if (chosen.length === 0) return;
    const answer = await confirm({ ...bulkApproveQuestion(chosen), tone: 'primary' });
    if (!answer.isConfirmed) return;
    startTransition(async () => {
      const items = chosen.map((r) => ({ projectId: r.id, version: r.version }));
      const r = await bulkApproveAction({ items, note: noteOrUndefined(answer.note) });
      if (!r.ok) {
        setMessage({ kind: 'error', text: r.message });
        return;
      }
      const failed = r.data.filter((x) => !x.ok);
      const done = r.data.length - failed.length;
      setMessage(
        failed.length === 0
          ? { kind: 'ok', text: `已审核通过 ${done} 张表` }
          : {
              kind: 'error',
              text: `已审核通过 ${done} 张；${failed.length} 张未通过：${failed
                .map((f) => `${rows.find((x) => x.id === f.projectId)?.name ?? f.projectId}（${f.message}）`)
                .join('；')}`,
            },
      );
      setSelected(new Set());
      router.refresh();
    });
  };
  const warned = rows.filter((r) => !isQuietRow(r)).length;
  return (
    <>
      <div aria-live="polite">{message ? <p className={`alert alert-${message.kind}`}>{message.text}</p> : null}</div>
      {canBulkApprove ? (
        <div className="row" style={{ marginBottom: 8 }}>
          <button className="btn btn-primary" type="button" disabled={selected.size === 0 || isPending} onClick={() => void approve()}>
            {isPending ? '正在审核…' : `批量审核通过（${selected.size}）`}
          </button>
          <span className="muted">
            “全选”只选没有提醒的表{warned > 0 ? `（另有 ${warned} 张有提醒，请查看后逐张勾选）` : ''}；有错误的表不能提交，不会出现在待审核队列中。
          </span>
        </div>
      ) : null}
      {dialog}
      <table className="grid" aria-label="审核队列">
        <thead>
          <tr>
            {canBulkApprove ? (
              <th>
                <input
                  type="checkbox"
                  aria-label="全选没有提醒的表"
                  checked={isAllSelected(rows, selected)}
                  onChange={(e) => {
                    const isChecked = e.currentTarget.checked;
                    setSelected((s) => selectAll(rows, s, isChecked));
                  }}
                />
              </th>
            ) : null}
            <th>单位</th>
            <th>项目编码</th>
            <th>项目名称</th>
            <th className="num">预算数（万元）</th>
            <th>状态</th>
            <th>检查</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={8} className="muted" style={{ textAlign: 'center', padding: 24 }}>
                没有待处理的表
              </td>
            </tr>
          ) : null}
          {rows.map((r) => (
            <tr key={r.id}>
              {canBulkApprove ? (
                <td>
                  <input type="checkbox" aria-label={`选择 ${r.name}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} />
                </td>
              ) : null}
              <td className="nowrap">
                {r.unitCode} · {r.year}
              </td>
              <td className="nowrap">{r.code}</td>
              <td>
                <Link href={`/projects/${r.id}`}>{r.name}</Link>
              </td>
              <td className="num">{formatWanyuan(r.totalYuan)}</td>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td>
                <FindingCounts errors={r.errorCount} warnings={r.warningCount} />
              </td>
              <td className="nowrap">
                <Link href={`/projects/${r.id}`}>查看并审核</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
