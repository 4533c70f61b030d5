/** `pt db:copy` carries every table of the schema but the ones it leaves behind on purpose. */
import { getTableName, isTable } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as sqliteSchema from '../schema/sqlite';
import * as pgSchema from '../schema/pg';
import { COPIED_TABLES, NOT_COPIED_TABLES } from './copy';

const names = (schema: Record<string, unknown>) =>
  Object.values(schema)
    .filter((t) => isTable(t))
    .map((t) => getTableName(t as Parameters<typeof getTableName>[0]))
    .sort();

describe('db:copy table list', () => {
  it('names every table of both schemas once, as copied or as left behind', () => {
    const listed = [...COPIED_TABLES, ...NOT_COPIED_TABLES].sort();
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual(names(sqliteSchema));
    expect(listed).toEqual(names(pgSchema));
  });
});
