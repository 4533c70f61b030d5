/** `pt parse` on the other layouts and containers: by extension or --format, the reason on a file with no table. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCommand } from './command';
import { parseCommand } from './commands/published';

const GENERATED = path.join(process.cwd(), 'lib', 'format', 'layouts', 'samples', 'generated');

async function parse(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runCommand(parseCommand, args, { stdout, stderr, stdin: new PassThrough() });
  return { code, out, err };
}

type Json = { projects: { name: string; indicators: unknown[] }[]; problems: { message: string }[] };

describe('pt parse FILE of any layout', () => {
  it('reads .xlsx, .docx and .html by extension', async () => {
    for (const [file, tables] of [['two-tables-merged.xlsx', 2], ['traditional-midterm-vmerge.docx', 1], ['shenbaobiao-rowspan.html', 1]] as const) {
      const r = await parse([path.join(GENERATED, file)]);
      expect(r.code, file).toBe(0);
      expect((JSON.parse(r.out) as Json).projects, file).toHaveLength(tables);
    }
  });

  it('--format reads a file whose name says nothing; a wrong --format is a usage error', async () => {
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-parse-')), 'table.bin');
    fs.copyFileSync(path.join(GENERATED, 'traditional-midterm-vmerge.docx'), copy);
    expect((await parse([copy, '--format', 'docx'])).code).toBe(0);
    const wrong = await parse([copy, '--format', 'pdf']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('--format 应为 txt、html、xlsx、docx 之一');
  });

  it('a file with no table exits 1 with the reason, the JSON still printed', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-parse-')), 'bomb.docx');
    fs.writeFileSync(file, Buffer.from('not a zip'));
    const r = await parse([file]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('这不是有效的 DOCX 文件');
    expect((JSON.parse(r.out) as Json).problems[0]!.message).toContain('这不是有效的 DOCX 文件');
  });
});
