import { findUnitByCode } from '@/db/queries/units';

export async function findUnitCode(code: string): Promise<number | null> {
  return (await findUnitByCode(code))?.id ?? null;
}
