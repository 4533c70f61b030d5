/** A valid table for the scripts, and helpers to create one through the app's own action. */
import { sampleTable } from '@/lib/testing/tables';
import { Client, outcome } from './http';

export function scriptTable(code: string, purpose = '可靠性测试') {
  return { ...sampleTable(code), name: `可靠性测试表 ${code}`, purpose };
}

export const SCRIPT_TABLE_ROWS = sampleTable('X').indicators.length;
export const SCRIPT_TABLE_CHECKPOINTS = sampleTable('X').schedule.length;

export async function demoUnitYearId(client: Client): Promise<number> {
  const r = await client.get('/api/unit-years');
  const list = (r.json as { unitYears?: { id: number; unitCode: string; year: number }[] }).unitYears ?? [];
  const found = list.find((u) => u.unitCode === '441001' && u.year === 2024) ?? list[0];
  if (!found) throw new Error(`cannot find the demo unit-year: ${JSON.stringify(r.json).slice(0, 200)}`);
  return found.id;
}

export async function createScriptTable(client: Client, unitYearId: number, code: string): Promise<number> {
  const r = outcome(await client.action('createTableAction', [{ unitYearId, table: scriptTable(code) }]));
  if (!r.ok) throw new Error(`could not create table ${code}: ${r.code}`);
  return (r.data as { projectId: number }).projectId;
}
