/**
 * The public routes answer a unit-year that does not exist, one with nothing published, and a table
 * that is not there alike: otherwise they would tell who exists before anything is published.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Section } from '@/lib/projects/section';

const found = vi.hoisted(() => ({ section: null as unknown }));
vi.mock('@/lib/projects/section', () => ({ sectionByCode: () => found.section }));

const json = await import('@/app/api/disclosure/[unit]/[year]/route');
const download = await import('@/app/api/disclosure/[unit]/[year]/export/route');

const emptySection: Section = { unitYearId: 1, unit: { code: '441001', name: '测试单位' }, year: 2024, projectExpenditure: null, entries: [], asOf: new Date(0) };

async function answer(route: typeof json, section: Section | null, query = '', accept = '*/*') {
  found.section = section;
  const res = await route.GET(new Request(`http://localhost/api/disclosure/441001/2024${query}`, { headers: { accept } }), { params: Promise.resolve({ unit: '441001', year: '2024' }) });
  return { status: res.status, body: await res.text() };
}

describe('public routes: no such unit-year and nothing published yet give one answer', () => {
  it('JSON API', async () => {
    const missing = await answer(json, null);
    expect(missing.status).toBe(404);
    expect(await answer(json, emptySection)).toEqual(missing);
  });

  it('downloads, for scripts and browsers, with or without a project code', async () => {
    for (const accept of ['*/*', 'text/html']) {
      for (const query of ['?format=text', '?format=xlsx&project=13080024P00009810002A']) {
        const missing = await answer(download, null, query, accept);
        expect(missing.status).toBe(404);
        expect(missing.body).toContain('没有找到已公开的表');
        expect(await answer(download, emptySection, query, accept), `${accept} ${query}`).toEqual(missing);
      }
    }
  });
});
