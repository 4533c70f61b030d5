/** `pt import` over stored drafts (issue 19 item 6): refused unless --overwrite confirms it, as the page's 覆盖草稿 tick. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededDatabase } from '@/lib/testing/db';
import { runCommand } from './command';
import { importCommand } from './commands/import';

const REFERENCE = path.join(process.cwd(), 'lib', 'demo', 'reference-441001-2024.txt');

async function pt(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await runCommand(importCommand, args, { stdout, stderr, stdin: new PassThrough() });
  return { code, out, err };
}

beforeAll(async () => {
  await seededDatabase();
});

describe('pt import over stored drafts', () => {
  it('refuses to overwrite a draft without --overwrite, and overwrites it with', async () => {
    const target = ['--unit', 'C00001', '--year', '2024'];
    expect((await pt([REFERENCE, ...target])).out).toMatch(/新建 23，更新 0/);
    const changed = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-overwrite-')), 'changed.txt');
    fs.writeFileSync(changed, fs.readFileSync(REFERENCE, 'utf8').replace('≥95%', '≥96%'));
    const refused = await pt([changed, ...target]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/未导入：表 \d+「.+」将覆盖库中的草稿/);
    expect(refused.err).toContain('加 --overwrite');
    const done = await pt([changed, ...target, '--overwrite']);
    expect(done.code, done.err).toBe(0);
    expect(done.out).toMatch(/新建 0，更新 1，无变化 22/);
  });
});
