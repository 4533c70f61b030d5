import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStaffPath, PUBLIC_NOT_FOUND_LINKS, STAFF_PATHS } from './not-found';

describe('the public 404 page', () => {
  it('links to public pages only', () => {
    expect(PUBLIC_NOT_FOUND_LINKS.length).toBeGreaterThan(0);
    for (const l of PUBLIC_NOT_FOUND_LINKS) expect(isStaffPath(l.href), l.href).toBe(false);
  });

  it('knows every staff route group folder as a staff path', () => {
    const folders = fs.readdirSync(path.join(process.cwd(), 'app/(staff)'), { withFileTypes: true }).filter((d) => d.isDirectory());
    expect(folders.map((d) => `/${d.name}`).sort()).toEqual([...STAFF_PATHS].sort());
  });

  it('app/not-found.tsx writes no staff address of its own', () => {
    const source = fs.readFileSync(path.join(process.cwd(), 'app/not-found.tsx'), 'utf8');
    for (const p of STAFF_PATHS) expect(source, p).not.toContain(`"${p}`);
    for (const p of STAFF_PATHS) expect(source, p).not.toContain(`'${p}`);
  });
});
