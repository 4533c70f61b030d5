import type { Metadata } from 'next';
import { databaseStatus } from '@/lib/setup/health';
import { requireAdminPage } from '../load';
import { ActionProbe } from './action-probe';

export const metadata: Metadata = { title: '运行状态' };

/** For administrators: the database answers, where it lives and how big it is, and a server action round trip works. */
export default async function HealthPage() {
  const actor = await requireAdminPage();
  const { isOk: isDbOk, facts } = await databaseStatus(actor);
  return (
    <>
      <h1>运行状态</h1>
      <div className="card" style={{ maxWidth: 640 }}>
        <p>数据库：{isDbOk ? <span className="diff-ok">正常</span> : <span className="diff-bad">异常</span>}</p>
        {facts ? (
          <p>
            {facts.engine === 'postgres' ? '数据库位置' : '数据库文件'}：<code>{facts.path}</code>（{(facts.bytes / 1024 / 1024).toFixed(1)} MB，
            {facts.engine === 'postgres' ? '版本' : '日志模式'} {facts.journalMode}）
          </p>
        ) : null}
        <ActionProbe />
        <p className="muted">监控程序可请求 GET /health（无需登录），返回 {'{"ok": true}'}。</p>
      </div>
    </>
  );
}
