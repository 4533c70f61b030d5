/** `pt import` of XLSX, DOCX and web pages: by extension or --format, --code for the one table without a code. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { listProjectsOfUnitYear } from '@/db/queries/projects';
import { findUnitByCode, findUnitYear } from '@/db/queries/units';
import { freshDatabase } from '@/lib/testing/db';
import { runCommand } from './command';
import { importCommand } from './commands/import';

const GENERATED = path.join(process.cwd(), 'lib', 'format', 'layouts', 'samples', 'generated');

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

const codesOf = async (unit: string) => (await listProjectsOfUnitYear((await findUnitYear((await findUnitByCode(unit))!.id, 2024))!.id)).map((p) => p.code);

beforeAll(async () => {
  await freshDatabase();
});

describe('pt import FILE of any layout', () => {
  it('XLSX: the table with a code is imported, the one without is named and left out', async () => {
    const r = await pt([path.join(GENERATED, 'two-tables-merged.xlsx'), '--unit', '460001', '--year', '2024']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/共 2 张表，新建 1，更新 0，无变化 0，跳过 1/);
    expect(r.err).toContain('表 2  岳阳县2022年高标准农田建设项目（表中没有项目编码');
    expect(await codesOf('460001')).toEqual(['13080024P00049910001B']);
  });

  it('--code gives the one table without a code its code; more than one such table is refused', async () => {
    const r = await pt([path.join(GENERATED, 'two-tables-merged.xlsx'), '--unit', '460001', '--year', '2024', '--code', 'YY-01']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/新建 1，更新 0，无变化 1，跳过 0/);
    expect(await codesOf('460001')).toEqual(['13080024P00049910001B', 'YY-01']);
    const html = `<table><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr><tr><td>产出指标</td><td>数量指标</td><td>人次</td><td>≥1人次</td></tr></table>`;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-import-')), 'two.html');
    fs.writeFileSync(file, `<p>项目名称：甲</p>${html}<p>项目名称：乙</p>${html}`);
    const two = await pt([file, '--unit', '460001', '--year', '2024', '--code', 'Z-1']);
    expect(two.code).toBe(1);
    expect(two.err).toMatch(/有 2 张表没有项目编码，--code 只能用于一张/);
    expect(await pt([file, '--code', 'a b'])).toMatchObject({ code: 2, err: expect.stringContaining('--code 应为项目编码') });
  });

  it('DOCX by --format (a name that says nothing), with its 中期 values kept', async () => {
    const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-import-')), 'table.bin');
    fs.copyFileSync(path.join(GENERATED, 'traditional-midterm-vmerge.docx'), copy);
    const r = await pt([copy, '--format', 'docx', '--unit', '460002', '--year', '2024', '--code', 'D-1']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/新建 1/);
    expect(await codesOf('460002')).toEqual(['D-1']);
    expect((await pt([copy, '--format', 'pdf'])).code).toBe(2);
  });

  it('a file with no table still exits 1 with the reason', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-import-')), 'none.html');
    fs.writeFileSync(file, '<html><body><p>没有表</p></body></html>');
    const r = await pt([file, '--unit', '460003', '--year', '2024']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('没有找到绩效目标表');
  });
});
