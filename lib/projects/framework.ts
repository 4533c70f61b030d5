/** Frameworks live in the database; this turns their rows into the domain's Framework type. */
import { getFrameworkWithCategories, type FrameworkSeed } from '@/db/queries/frameworks';
import { BUILTIN_FRAMEWORKS, type CategoryRole, type Framework, type FrameworkLevel1 } from '@/lib/domain/framework';

// Frameworks are seeded once and never edited, so filling this cache inside a write() that is later
// retried or rolled back leaves nothing wrong in it.
const cache = new Map<number, Framework>();

export async function loadFramework(frameworkId: number): Promise<Framework> {
  const hit = cache.get(frameworkId);
  if (hit) return hit;
  const found = await getFrameworkWithCategories(frameworkId);
  if (!found) throw new Error(`framework ${frameworkId} not found`);
  const sections: FrameworkLevel1[] = [];
  for (const c of found.categories) {
    let section = sections.find((s) => s.name === c.level1);
    if (!section) {
      section = { name: c.level1, categories: [] };
      sections.push(section);
    }
    section.categories.push({ name: c.level2, role: c.role as CategoryRole });
  }
  const framework: Framework = { code: found.framework.code, name: found.framework.name, sections };
  cache.set(frameworkId, framework);
  return framework;
}

export function builtinFrameworkSeeds(): FrameworkSeed[] {
  return BUILTIN_FRAMEWORKS.map((f) => ({
    code: f.code,
    name: f.name,
    categories: f.sections.flatMap((s, i) =>
      s.categories.map((c, j) => ({
        level1: s.name,
        level1Position: i + 1,
        level2: c.name,
        level2Position: j + 1,
        role: c.role,
      })),
    ),
  }));
}
