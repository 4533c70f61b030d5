/**
 * `pt selfeval parse [FILE]`: a published 自评表 (text, or an XLSX file) → the SelfEvalSheet JSON
 * (issue #15 item 5), so that last year's published results can be checked before they are imported.
 * Nothing is written anywhere: the command reads, prints and says what it could not read.
 */
import fs from 'node:fs';
import { readStream, type CommandIO } from '../command';

const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** Exit 0 with the JSON (warnings on stderr), 1 with the errors of what could not be read, 2 when there is no input. */
export async function parseSelfEval(file: string | undefined, io: CommandIO): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = file && file !== '-' ? fs.readFileSync(file) : Buffer.from(await readStream(io.stdin), 'utf8');
  } catch {
    io.stderr.write(`无法读取文件：${file}\n`);
    return 2;
  }
  const { readSelfEvalText, readSelfEvalXlsx } = await import('@/lib/format/selfeval/read');
  let reads;
  try {
    reads = isZip(bytes) ? await readSelfEvalXlsx(bytes) : [readSelfEvalText(bytes.toString('utf8').replace(/^\uFEFF/, ''), file && file !== '-' ? file : '标准输入')];
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : '文件无法读取'}\n`);
    return 1;
  }
  if (reads.length === 0) {
    io.stderr.write('工作簿中没有自评表（找不到“三级指标”所在的表头）\n');
    return 1;
  }
  let code = 0;
  for (const r of reads) {
    const where = reads.length > 1 ? `${r.source}：` : '';
    for (const w of r.warnings) io.stderr.write(`${where}注意：${w.message}（${w.field}）\n`);
    if (!r.ok) {
      for (const e of r.errors) io.stderr.write(`${where}${e.message}（${e.field}）\n`);
      code = 1;
    }
  }
  const sheets = reads.flatMap((r) => (r.ok ? [r.sheet] : []));
  // One table: its sheet; a workbook of several: an array. Nothing is printed unless every table read.
  if (code === 0) io.stdout.write(`${JSON.stringify(sheets.length === 1 ? sheets[0] : sheets, null, 2)}\n`);
  return code;
}
