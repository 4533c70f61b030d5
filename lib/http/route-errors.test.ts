import { describe, expect, it } from 'vitest';
import { answeringUnavailable } from './route-errors';

describe('a read route while the database is unreachable', () => {
  it('answers 503 with the Chinese reason and Retry-After', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const res = await answeringUnavailable(async () => {
      throw new Error('Failed query: select …', { cause: refused });
    })();
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(await res.json()).toMatchObject({ ok: false, code: 'unavailable', message: expect.stringContaining('数据库暂时无法访问') });
  });

  it('passes other errors and answers through', async () => {
    await expect(answeringUnavailable(async () => { throw new Error('bug'); })()).rejects.toThrow('bug');
    expect((await answeringUnavailable(async () => new Response('ok'))()).status).toBe(200);
  });
});
