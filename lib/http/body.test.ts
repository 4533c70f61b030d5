import { describe, expect, it } from 'vitest';
import { downloadError } from './body';

const req = (accept: string) => new Request('http://localhost/api/unit-years/1/export', { headers: { accept } });

describe('a refused download', () => {
  it('is a Chinese page for a browser that followed the link, with the reason escaped', async () => {
    const res = downloadError(req('text/html,application/xhtml+xml,*/*;q=0.8'), '没有找到编码为 <b>"x"</b> 的已公开的表', 404);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('<h1>无法下载</h1>');
    expect(html).toContain('没有找到编码为 &#60;b&#62;&#34;x&#34;&#60;/b&#62; 的已公开的表');
    expect(html).not.toContain('<b>');
    expect(html).toContain('href="/"');
  });

  it('offers sign-in when the session is missing', async () => {
    expect(await downloadError(req('text/html'), '请先登录', 401).text()).toContain('<a href="/login">登录</a>');
  });

  it('stays JSON for scripts, with the extra headers', async () => {
    const res = downloadError(req('*/*'), '当前正在生成的大型导出较多，请稍后再试', 503, { 'retry-after': '30' });
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('retry-after')).toBe('30');
    expect(await res.json()).toEqual({ ok: false, message: '当前正在生成的大型导出较多，请稍后再试' });
  });
});
