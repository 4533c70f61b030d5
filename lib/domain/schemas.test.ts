import { describe, expect, it } from 'vitest';
import { bulkApproveInput, transitionInput } from './schemas';

describe('approval inputs carry a sign-off note', () => {
  const items = [{ projectId: 1, version: 3 }];

  it('a bulk approval takes an optional note, trimmed, within the reason limit', () => {
    expect(bulkApproveInput.parse({ items, note: ' 同意。 ' }).note).toBe('同意。');
    expect(bulkApproveInput.parse({ items }).note).toBeUndefined();
    expect(bulkApproveInput.safeParse({ items, note: '意'.repeat(2001) }).success).toBe(false);
  });

  it('a single approval sends its note as the reason', () => {
    expect(transitionInput.parse({ projectId: 1, version: 3, reason: '同意' }).reason).toBe('同意');
  });
});
