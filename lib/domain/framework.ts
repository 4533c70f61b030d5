/**
 * Indicator frameworks. A framework is data (stored in the database, chosen per unit-year);
 * the two official ones are defined here only so that migrations and tests can seed them.
 */

/** What a level-2 category measures; rules key on this, never on the category's name. */
export const CATEGORY_ROLES = [
  'quantity',
  'quality',
  'timeliness',
  'cost',
  'economic',
  'social',
  'ecological',
  'sustainability',
  'satisfaction',
] as const;
export type CategoryRole = (typeof CATEGORY_ROLES)[number];

export type FrameworkLevel2 = { name: string; role: CategoryRole };
export type FrameworkLevel1 = { name: string; categories: FrameworkLevel2[] };
export type Framework = {
  code: string;
  name: string;
  /** Level-1 sections in print order, each with its level-2 categories in order. */
  sections: FrameworkLevel1[];
};

export const FRAMEWORK_2015: Framework = {
  code: 'cz2015',
  name: '财预〔2015〕88号（2015 版）',
  sections: [
    {
      name: '产出指标',
      categories: [
        { name: '数量指标', role: 'quantity' },
        { name: '质量指标', role: 'quality' },
        { name: '时效指标', role: 'timeliness' },
        { name: '成本指标', role: 'cost' },
      ],
    },
    {
      name: '效益指标',
      categories: [
        { name: '经济效益指标', role: 'economic' },
        { name: '社会效益指标', role: 'social' },
        { name: '生态效益指标', role: 'ecological' },
        { name: '可持续影响指标', role: 'sustainability' },
      ],
    },
    {
      name: '满意度指标',
      categories: [{ name: '服务对象满意度指标', role: 'satisfaction' }],
    },
  ],
};

export const FRAMEWORK_2021: Framework = {
  code: 'cz2021',
  name: '财预〔2021〕101号（2021 版）',
  sections: [
    {
      name: '产出指标',
      categories: [
        { name: '数量指标', role: 'quantity' },
        { name: '质量指标', role: 'quality' },
        { name: '时效指标', role: 'timeliness' },
      ],
    },
    {
      name: '成本指标',
      categories: [
        { name: '经济成本指标', role: 'cost' },
        { name: '社会成本指标', role: 'cost' },
        { name: '生态环境成本指标', role: 'cost' },
      ],
    },
    {
      name: '效益指标',
      categories: [
        { name: '经济效益指标', role: 'economic' },
        { name: '社会效益指标', role: 'social' },
        { name: '生态效益指标', role: 'ecological' },
      ],
    },
    {
      name: '满意度指标',
      categories: [{ name: '服务对象满意度指标', role: 'satisfaction' }],
    },
  ],
};

export const BUILTIN_FRAMEWORKS: readonly Framework[] = [FRAMEWORK_2015, FRAMEWORK_2021];

/**
 * The built-in framework a published document follows, read from its rows: the one whose level-1 and
 * level-2 names account for the most rows (the 2021 framework's 成本指标 at level 1 and its three cost
 * categories tell it apart). The 2015 framework on a tie, since most units still publish it.
 */
export function frameworkOfRows(rows: readonly { level1: string; level2: string }[]): Framework {
  const score = (f: Framework) => rows.filter((r) => f.sections.some((s) => s.name === r.level1 && s.categories.some((c) => c.name === r.level2))).length;
  return BUILTIN_FRAMEWORKS.reduce((best, f) => (score(f) > score(best) ? f : best), FRAMEWORK_2015);
}

/** The text a placeholder row prints in every cell after level 2: `无经济效益指标`. */
export function placeholderText(level2: string): string {
  return `无${level2}`;
}

export function findCategory(
  framework: Framework,
  level2: string,
): { section: FrameworkLevel1; category: FrameworkLevel2 } | null {
  for (const section of framework.sections) {
    const category = section.categories.find((c) => c.name === level2);
    if (category) return { section, category };
  }
  return null;
}
