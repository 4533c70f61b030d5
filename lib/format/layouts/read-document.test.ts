/** readDocument keeps the Hebei disclosure reader first: the reference document reads as it always has. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
});
