/**
 * Which of last year's tables a table continues: the one with the same project code, else the only one
 * with the same name (years in the name ignored: 生成下一年度的表 moves them on). A project renamed and
 * recoded is not guessed. Pure: the server and `pt check` share it.
 */
import { normaliseName } from './indicator-name';

export type TableIdentity = { code: string; name: string };

const nameKey = (name: string) => normaliseName(name.replace(/(19|20)\d{2}\s*年?度?/g, ''));

export function previousTableOf<T extends TableIdentity>(table: TableIdentity, candidates: readonly T[]): T | null {
  const code = table.code.trim();
  if (code) {
    const byCode = candidates.find((c) => c.code.trim() === code);
    if (byCode) return byCode;
  }
  const name = nameKey(table.name);
  if (!name) return null;
  const byName = candidates.filter((c) => nameKey(c.name) === name);
  return byName.length === 1 ? byName[0]! : null;
}
