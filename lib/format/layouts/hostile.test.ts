/** Hostile containers are refused with a Chinese reason, within the limits, without filling memory. */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '@/lib/domain/limits';
import { readDocument } from './read-document';

const firstMessage = async (bytes: Uint8Array, fileName: string) => {
  const doc = await readDocument(bytes, { fileName });
  expect(doc.projects).toEqual([]);
  return doc.problems[0]!.message;
};

/** The central directory's uncompressed size of every entry set to `size`: a zip that lies. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 46 <= out.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  return out;
}

const docx = (xml: string) => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8(xml) });

describe('hostile documents', () => {
  it('a zip bomb as .xlsx: refused from the central directory before inflating', async () => {
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(LIMITS.zipUncompressedBytes + 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(await firstMessage(bomb, 'bomb.xlsx')).toMatch(/解压后有 \d+ MB，超过上限 60 MB，拒绝读取（可能是压缩炸弹）/);
  });

  it('a zip bomb as .docx under the total: refused by its compression ratio', async () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(await firstMessage(bomb, 'bomb.docx')).toContain('压缩比异常');
  });

  it('a zip whose directory understates its sizes is inflated only as far as it declared, and fails as broken XML', async () => {
    const body = `<w:document><w:body><w:p><w:r><w:t>${'项目'.repeat(3_000_000)}</w:t></w:r></w:p></w:body></w:document>`;
    const liar = lieAboutSizes(docx(body), 100);
    const before = process.memoryUsage().rss;
    expect(await firstMessage(liar, 'liar.docx')).toContain('DOCX 文件中的 XML 已损坏');
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  });

  it('broken XML in a DOCX', async () => {
    expect(await firstMessage(docx('<w:document><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc></w:tr></w:tbl><<</w:body>'), 'broken.docx')).toContain('DOCX 文件中的 XML 已损坏');
  });

  it('XML nested beyond the limit in a DOCX', async () => {
    expect(await firstMessage(docx(`<w:document>${'<w:p>'.repeat(LIMITS.xmlDepth + 10)}`), 'deep.docx')).toContain(`嵌套超过 ${LIMITS.xmlDepth} 层`);
  });

  it('an .xlsx that is no zip', async () => {
    expect(await firstMessage(Buffer.from('not a workbook'), 'fake.xlsx')).toContain('不是有效的 XLSX 文件');
  });

  it('deeply nested tables in a web page', async () => {
    const html = `<html><body>${'<table><tr><td>'.repeat(50_000)}项目名称</body></html>`;
    expect(await firstMessage(Buffer.from(html), 'deep.html')).toBe(`网页中的表格嵌套超过 ${LIMITS.tableNesting} 层，无法读取`);
  });

  it('a 20 MB web page: a table of too many cells is refused, one of prose is read without a table, one over 20 MB is refused', async () => {
    const row = '<tr><td>产出指标</td><td>数量指标</td><td>人次</td><td>≥1</td></tr>';
    const cells = `<table>${row.repeat(Math.floor((LIMITS.uploadBytes - 100) / Buffer.byteLength(row)))}</table>`;
    const started = Date.now();
    expect(await firstMessage(Buffer.from(cells), 'big.html')).toContain('网页中的单元格超过 300,000 个');
    const prose = `<html><body>${'<p>说明文字，没有表格。</p>'.repeat(Math.floor((LIMITS.uploadBytes - 100) / 40))}</body></html>`;
    expect(await firstMessage(Buffer.from(prose), 'prose.html')).toContain('没有找到绩效目标表');
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await firstMessage(Buffer.alloc(LIMITS.uploadBytes + 1, 0x20), 'huge.html')).toContain('超过上限 20 MB');
  });
});
