import { asc, eq } from 'drizzle-orm';
import { db, now } from '../client';
import { frameworkCategories, frameworks, type FrameworkCategoryRow, type FrameworkRow } from '../schema';

export type FrameworkSeed = {
  code: string;
  name: string;
  categories: Omit<FrameworkCategoryRow, 'id' | 'frameworkId'>[];
};

/** Inserts the frameworks that are not there yet; existing ones are left as they are. */
export function seedFrameworks(seeds: readonly FrameworkSeed[]): void {
  for (const seed of seeds) {
    const existing = db().select().from(frameworks).where(eq(frameworks.code, seed.code)).get();
    if (existing) continue;
    const row = db()
      .insert(frameworks)
      .values({ code: seed.code, name: seed.name, createdAt: now() })
      .returning()
      .get();
    db()
      .insert(frameworkCategories)
      .values(seed.categories.map((c) => ({ ...c, frameworkId: row.id })))
      .run();
  }
}

export function listFrameworks(): FrameworkRow[] {
  return db().select().from(frameworks).orderBy(asc(frameworks.id)).all();
}

export function findFrameworkByCode(code: string): FrameworkRow | undefined {
  return db().select().from(frameworks).where(eq(frameworks.code, code)).get();
}

export function getFrameworkWithCategories(
  id: number,
): { framework: FrameworkRow; categories: FrameworkCategoryRow[] } | null {
  const framework = db().select().from(frameworks).where(eq(frameworks.id, id)).get();
  if (!framework) return null;
  const categories = db()
    .select()
    .from(frameworkCategories)
    .where(eq(frameworkCategories.frameworkId, id))
    .orderBy(asc(frameworkCategories.level1Position), asc(frameworkCategories.level2Position))
    .all();
  return { framework, categories };
}
