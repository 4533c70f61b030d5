/** readDocument keeps the Hebei disclosure reader first: the reference document reads as it always has. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePublished } from '@/lib/format/published/parse';
import { readDocument } from './read-document';

const REFERENCE = path.join(__dirname, '..', '..', 'demo', 'reference-441001-2024.txt');

describe('readDocument', () => {
  it('the reference document: 23 tables, 212 rows, no problems, by the disclosure reader', async () => {
    const doc = await readDocument(fs.readFileSync(REFERENCE), { fileName: 'reference.txt' });
    expect(doc.projects).toHaveLength(23);
    expect(doc.projects.reduce((n, p) => n + p.indicators.length, 0)).toBe(212);
    expect(doc.problems).toEqual([]);
    expect(doc.recognitions).toEqual([]);
    expect(doc.unit).toEqual({ code: '441001', name: '承德市人力资源和社会保障局本级' });
  });

  it('the reference with its headings no longer in the disclosure form: read by the recogniser, ≥ 95% of rows as the disclosure reader reads them', async () => {
    const text = fs.readFileSync(REFERENCE, 'utf8');
    const stripped = text.split('\n').map((l) => (/绩效目标表\s*$/.test(l) && !l.includes('\t') ? '项目支出绩效目标表' : l)).join('\n');
    const doc = await readDocument(Buffer.from(stripped), { fileName: 'other.txt' });
    expect(doc.recognitions).toHaveLength(23);
    const key = (r: { level1: string; level2: string; name: string; value: string }) => [r.level1, r.level2, r.name, r.value].map((s) => s.replace(/\s+/g, '')).join('|');
    const found = new Map<string, number>();
    for (const p of doc.projects) for (const r of p.indicators) found.set(key(r), (found.get(key(r)) ?? 0) + 1);
    const want = parsePublished(text).projects.flatMap((p) => p.indicators.map(key));
    const right = want.filter((k) => {
      const n = found.get(k) ?? 0;
      found.set(k, n - 1);
      return n > 0;
    }).length;
    console.log(`参考文档（非公开文本版式读取）：${right}/${want.length} 行完全正确`);
    expect(right / want.length).toBeGreaterThanOrEqual(0.95);
    expect(doc.projects.map((p) => p.code)).toEqual(parsePublished(text).projects.map((p) => p.code));
  });
});
