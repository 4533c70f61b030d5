import type { Metadata } from 'next';
import { connection } from 'next/server';
import { isDatabaseResponding } from '@/db/queries/maintenance';
import { ActionProbe } from './action-probe';

export const metadata: Metadata = { title: '运行状态' };

/**
 * For operators: the database answers, and a server action round trip works. Public, so it does only
 * constant-cost work (no integrity check) and shows no data.
 */
export default async function HealthPage() {
  await connection();
  const isDbOk = isDatabaseResponding();
  return (
    <main className="page">
      <div className="card" style={{ maxWidth: 520 }}>
        <h1>运行状态</h1>
        <p>数据库：{isDbOk ? <span className="diff-ok">正常</span> : <span className="diff-bad">异常</span>}</p>
        <ActionProbe />
      </div>
    </main>
  );
}
