/**
 * How labels are compared: traditional characters, full-width forms, whitespace and template
 * annotations (`数量指标 (必填硬性指标)`, `★`) do not change what a label means. Printed text is kept
 * elsewhere; these keys are for matching only.
 */
import { toHalfWidth } from '@/lib/format/half-width';
import { toSimplified } from './traditional';

/** Labels repeat on every table of a document: their keys are kept, up to this many. */
const CACHE_SIZE = 4_096;
const cache = new Map<string, string>();

/** `數量指標 (必填)` → `数量指标`; `其中：财政拨款` → `其中:财政拨款`. */
export function labelKey(s: string): string {
  const hit = cache.get(s);
  if (hit !== undefined) return hit;
  const key = computeKey(s.length > 200 ? s.slice(0, 200) : s);
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(s, key);
  return key;
}

function computeKey(s: string): string {
  return toHalfWidth(toSimplified(s))
    .replace(/\s+/g, '')
    .replace(/[★☆*]+/g, '')
    .replace(/\((?:必填|选填|必选|可选|核心)[^()]{0,10}\)/g, '')
    .replace(/[:]+$/, '');
}

/** Level names every framework we know prints (2015, 2021 and the NDRC investment-plan one). */
const LEVEL1 = new Set(['产出指标', '效益指标', '满意度指标', '成本指标', '实施效果指标', '过程管理指标', '效果指标', '影响力指标', '决策指标', '过程指标']);

/** Category names some tables print without 指标 (`社会效益`, `满意度`). */
const SHORT_LEVELS = new Set(['产出', '效益', '数量', '质量', '时效', '成本', '经济效益', '社会效益', '生态效益', '可持续影响']);

/**
 * A level-1 or level-2 label: a known level name, or a short phrase ending in 指标 (frameworks differ:
 * the NDRC's 计划管理指标, a province's own categories). A name with digits or punctuation is an
 * indicator's own name, not a category.
 */
export function isLevelLabel(s: string): boolean {
  const k = labelKey(s);
  if (LEVEL1.has(k)) return true;
  return (/^[\u4e00-\u9fa5]{2,12}指标$/.test(k) && !/^(无|其中)/.test(k)) || SHORT_LEVELS.has(k);
}

export function isKnownLevel1(s: string): boolean {
  return LEVEL1.has(labelKey(s));
}

/** 2015's level-2 names, which can never be a level 1. */
const LEVEL2_ONLY = new Set(['数量指标', '质量指标', '时效指标', '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标', '服务对象满意度指标', '经济成本指标', '社会成本指标', '生态环境成本指标']);

export function isKnownLevel2(s: string): boolean {
  return LEVEL2_ONLY.has(labelKey(s));
}

/** The squash used for comparing a printed cell with its expected reading: whitespace does not count. */
export function withoutSpaces(s: string): string {
  return s.replace(/\s+/g, '');
}
