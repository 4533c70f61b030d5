import { describe, expect, it } from 'vitest';
import { searchUnitYears, sectionTotal } from './disclosure-index';

const y = (id: number, unitCode: string, unitName: string, year: number) => ({ id, unitId: id, unitCode, unitName, year, approved: 1 }) as never;

describe('the public index', () => {
  it('searches by code, name or year', () => {
    const years = [y(1, '441001', '承德市人力资源和社会保障局本级', 2024), y(2, '550001', '某某教育局', 2025)];
    expect(searchUnitYears(years, '教育').map((x: { id: number }) => x.id)).toEqual([2]);
    expect(searchUnitYears(years, ' 2024 ').map((x: { id: number }) => x.id)).toEqual([1]);
    expect(searchUnitYears(years, undefined)).toHaveLength(2);
  });
  it('sums the section’s budgets for its 合计 row, exactly', () => {
    expect(sectionTotal(['10.00', '0.10', '3437.77'])).toBe('3447.87');
  });
});
