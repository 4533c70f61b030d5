import { asc, eq } from 'drizzle-orm';
import { db, first, now } from '../client';
import { frameworkCategories, frameworks, type FrameworkCategoryRow, type FrameworkRow } from '../schema';

export type FrameworkSeed = {
  code: string;
  name: string;
  categories: Omit<FrameworkCategoryRow, 'id' | 'frameworkId'>[];
};

/** Inserts the frameworks that are not there yet; existing ones are left as they are (call inside write). */
export async function seedFrameworks(seeds: readonly FrameworkSeed[]): Promise<void> {
  for (const seed of seeds) {
    const existing = await findFrameworkByCode(seed.code);
    if (existing) continue;
    const [row] = await db()
      .insert(frameworks)
      .values({ code: seed.code, name: seed.name, createdAt: now() })
      .returning();
    await db()
      .insert(frameworkCategories)
      .values(seed.categories.map((c) => ({ ...c, frameworkId: row!.id })));
  }
}

export async function listFrameworks(): Promise<FrameworkRow[]> {
  return db().select().from(frameworks).orderBy(asc(frameworks.id));
}

export async function findFrameworkByCode(code: string): Promise<FrameworkRow | undefined> {
  return first(db().select().from(frameworks).where(eq(frameworks.code, code)));
}

export async function getFrameworkWithCategories(
  id: number,
): Promise<{ framework: FrameworkRow; categories: FrameworkCategoryRow[] } | null> {
  const framework = await first(db().select().from(frameworks).where(eq(frameworks.id, id)));
  if (!framework) return null;
  const categories = await db()
    .select()
    .from(frameworkCategories)
    .where(eq(frameworkCategories.frameworkId, id))
    .orderBy(asc(frameworkCategories.level1Position), asc(frameworkCategories.level2Position));
  return { framework, categories };
}
