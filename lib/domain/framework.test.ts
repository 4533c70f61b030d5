import { describe, expect, it } from 'vitest';
import { parsePublished } from '@/lib/format/published/parse';
import { referenceText } from '@/lib/format/published/testing/reference';
import { FRAMEWORK_2015, FRAMEWORK_2021, frameworkOfRows } from './framework';
import { good, good2021 } from './rules/test-fixtures';

describe('the framework a document follows', () => {
  it('is 2015 for the reference, 2021 for tables with 成本指标 at level 1', () => {
    expect(frameworkOfRows(parsePublished(referenceText()).projects.flatMap((p) => p.indicators)).code).toBe(FRAMEWORK_2015.code);
    expect(frameworkOfRows(good().indicators).code).toBe(FRAMEWORK_2015.code);
    expect(frameworkOfRows(good2021().indicators).code).toBe(FRAMEWORK_2021.code);
  });

  it('is 2015 when the rows say nothing either way', () => {
    expect(frameworkOfRows([]).code).toBe(FRAMEWORK_2015.code);
    expect(frameworkOfRows([{ level1: '产出指标', level2: '数量指标' }]).code).toBe(FRAMEWORK_2015.code);
  });
});
