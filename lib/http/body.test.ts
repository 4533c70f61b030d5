import { describe, expect, it } from 'vitest';
import { decodeText, downloadError } from './body';

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

describe('reading an uploaded text file', () => {
  const text = '单位预算\t项目支出 3447.87 万元\n';
  it('takes UTF-8 with or without a byte-order mark, GB18030, and UTF-16 with its mark', () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeText(utf8)).toBe(text);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
    const le = Buffer.from(`\ufeff${text}`, 'utf16le');
    expect(decodeText(le)).toBe(text);
    const be = Buffer.from(le).swap16();
    expect(decodeText(be)).toBe(text);
    // 单位 in GB18030.
    expect(decodeText(new Uint8Array([0xb5, 0xa5, 0xce, 0xbb]))).toBe('单位');
  });
});
