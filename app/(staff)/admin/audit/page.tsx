import type { Metadata } from 'next';
import { adminAudit } from '@/lib/admin/read';
import { ACTION_LABELS } from '@/lib/domain/workflow';
import { formatTime } from '@/lib/format/time';

import { requireAdminPage } from '../load';
import { parsePage } from '@/lib/http/params';

export const metadata: Metadata = { title: '审计日志' };

const EXTRA_LABELS: Record<string, string> = {
  login: '登录',
  relight: '重算监控预警灯',
  logout: '退出',
  'login-failed': '登录失败',
  'login-failed-locked': '登录失败并锁定',
  'login-locked': '锁定期间尝试登录',
  'login-disabled': '停用账户尝试登录',
  'login-rate-limited': '登录尝试过多（按地址限制）',
  'login-busy': '同时登录请求过多（未校验密码）',
  'change-password': '修改密码',
  'change-password-failed': '修改密码时原密码错误',
  'change-password-failed-locked': '修改密码时原密码错误并锁定',
  'change-password-locked': '锁定期间尝试修改密码',
  'change-password-rate-limited': '修改密码尝试过多（按地址限制）',
  'change-password-busy': '同时修改密码请求过多（未校验密码）',
  'change-password-disabled': '停用账户尝试修改密码',
  'reset-password': '重置密码',
  'grant-admin': '设为管理员',
  'revoke-admin': '取消管理员',
  disable: '停用',
  enable: '启用',
  grant: '授权',
  revoke: '取消授权',
  comment: '审核意见',
};

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const actor = await requireAdminPage();
  const page = parsePage((await searchParams).page);
  const rows = await adminAudit(actor, page);
  return (
    <>
      <h1>审计日志</h1>
      <p className="muted">记录只能追加，任何人（包括管理员）都不能通过本系统修改或删除。</p>
      <table className="grid" aria-label="审计日志">
        <thead>
          <tr>
            <th>时间</th>
            <th>用户</th>
            <th>操作</th>
            <th>对象</th>
            <th>地址</th>
            <th>内容</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="nowrap">{formatTime(r.at)}</td>
              <td>{r.username ?? '—'}</td>
              <td>{EXTRA_LABELS[r.action] ?? ACTION_LABELS[r.action] ?? r.action}</td>
              <td className="nowrap">
                {r.entity}
                {r.entityId ? ` #${r.entityId}` : ''}
              </td>
              <td>{r.ip ?? ''}</td>
              <td style={{ maxWidth: 480, overflowWrap: 'anywhere', fontSize: 12 }}>{r.changes ? r.changes.slice(0, 300) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <nav className="pager" aria-label="分页">
        {page > 1 ? <a className="btn btn-small" href={`/admin/audit?page=${page - 1}`}>上一页</a> : null}
        <span>第 {page} 页</span>
        {rows.length === 100 ? <a className="btn btn-small" href={`/admin/audit?page=${page + 1}`}>下一页</a> : null}
      </nav>
    </>
  );
}
