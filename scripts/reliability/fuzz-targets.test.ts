import { describe, expect, it } from 'vitest';
import { coverage, TARGETS } from './fuzz-targets';

const entry = (name: string) => ({ id: name, name, file: 'app/x/actions.ts', page: '/x' });

describe('fuzz coverage of the build’s server actions', () => {
  it('fails an action the build has and the fuzz list lacks', () => {
    const built = [...TARGETS.map((t) => entry(t.name)), entry('archiveTableAction')];
    expect(coverage(built)).toEqual({ missing: ['archiveTableAction'], stale: [] });
  });

  it('reports entries for actions the build no longer has', () => {
    expect(coverage(TARGETS.slice(1).map((t) => entry(t.name))).stale).toEqual([TARGETS[0]!.name]);
  });
});
