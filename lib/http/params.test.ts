import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { idParam, MAX_PAGE, pageParam, parseId, parsePage, parseYear, searchProblem } from './params';

describe('URL numbers', () => {
  it('reads a page number, clamping huge ones and falling back to 1 for anything else, never NaN or Infinity', () => {
    expect(parsePage('3')).toBe(3);
    expect(parsePage(['7', '8'])).toBe(7);
    expect(parsePage('007')).toBe(7);
    for (const huge of ['100001', '99999999999999999999', '1'.repeat(400)]) expect(parsePage(huge)).toBe(MAX_PAGE);
    for (const bad of ['1e308', 'Infinity', '-1', '0', '0x10', '1.5', ' 2', '', undefined, null, {}]) expect(parsePage(bad), String(bad)).toBe(1);
    const schema = z.object({ page: pageParam });
    expect(schema.parse({})).toEqual({ page: undefined });
    expect(schema.parse({ page: '1e308' })).toEqual({ page: 1 });
  });

  it('reads an id as plain decimal digits only: /projects/0x1 is not project 1', () => {
    expect(parseId('1')).toBe(1);
    expect(parseId('12345')).toBe(12345);
    expect(z.object({ uy: idParam }).parse({ uy: '0x1' })).toEqual({ uy: undefined });
    expect(z.object({ uy: idParam }).parse({ uy: '12' })).toEqual({ uy: 12 });
    for (const bad of ['0x1', '1e0', '01', '0', '-1', '+1', ' 1', '1 ', '1.0', '', 'Infinity', '9999999999999999', undefined]) expect(parseId(bad), String(bad)).toBeNull();
  });

  it('reads a year as four digits', () => {
    expect(parseYear('2024')).toBe(2024);
    for (const bad of ['0x7e8', '2024.0', '20240', '']) expect(parseYear(bad)).toBeNull();
  });

  it('refuses a search longer than the limit with a message', () => {
    expect(searchProblem(undefined)).toBeNull();
    expect(searchProblem('人社局'.repeat(33))).toBeNull();
    expect(searchProblem('x'.repeat(101))).toBe('搜索词不能超过 100 个字（现在 101 个），请缩短后再搜索');
  });
});
