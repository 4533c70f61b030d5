import { connection } from 'next/server';
import { isDatabaseOk } from '@/lib/setup/health';
import { jsonResponse } from '@/lib/http/body';

/**
 * For monitors and load balancers: whether the server and its database answer. Public, so it does only
 * constant-cost work and shows no data (administrators see more under 管理 › 运行状态). Who may call
 * it is in lib/auth/operations.ts (ROUTES).
 */
export async function GET(): Promise<Response> {
  await connection(); // answered afresh on every request, never prerendered
  const isDbOk = await isDatabaseOk();
  return jsonResponse({ ok: isDbOk, database: isDbOk ? '正常' : '异常' }, isDbOk ? 200 : 503);
}
