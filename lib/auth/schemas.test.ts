import { describe, expect, it } from 'vitest';
import { safeNextPath } from './schemas';

describe('safeNextPath', () => {
  it('keeps same-site paths with their query and hash', () => {
    expect(safeNextPath('/projects/3/edit?x=1#row-2')).toBe('/projects/3/edit?x=1#row-2');
    expect(safeNextPath('/review')).toBe('/review');
  });

  it('refuses anything that leaves the site, however it is spelled', () => {
    for (const bad of [
      '//evil.com',
      '/\\evil.com',
      '/\t/evil.com',
      '/\n/evil.com',
      '/\r\n/evil.com/x',
      '\\\\evil.com',
      'https://evil.com',
      'javascript:alert(1)',
      '/\\/evil.com',
      ' /x',
      '',
    ]) {
      expect(safeNextPath(bad), JSON.stringify(bad)).toBe('/projects');
    }
    expect(safeNextPath(undefined)).toBe('/projects');
  });
});
