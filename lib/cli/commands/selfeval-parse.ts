/**
 * `pt selfeval parse [FILE]`: a published 自评表 (text, a saved web page, XLSX or DOCX) → the
 * SelfEvalSheet JSON (issue #15 item 5), so that last year's published results can be checked before
 * they are imported. Nothing is written anywhere: the command reads, prints and says what it could not read.
 */
import fs from 'node:fs';
import { readStream, type CommandIO } from '../command';

/** Exit 0 with the JSON (notes on stderr), 1 with the errors of what could not be read, 2 when there is no input. */
export async function parseSelfEval(file: string | undefined, io: CommandIO, opts: { scoreInput?: boolean } = {}): Promise<number> {
  const isFile = file !== undefined && file !== '-';
  let bytes: Buffer;
  try {
    bytes = isFile ? fs.readFileSync(file) : Buffer.from(await readStream(io.stdin), 'utf8');
  } catch {
    io.stderr.write(`无法读取文件：${file}\n`);
    return 2;
  }
  const { readSelfEvalDocument } = await import('@/lib/format/selfeval/read-document');
  const doc = await readSelfEvalDocument(bytes, { fileName: isFile ? file : '标准输入' });
  if (doc.refusal) {
    io.stderr.write(`${doc.refusal}\n`);
    return 1;
  }
  let code = 0;
  for (const r of doc.reads) {
    const where = doc.reads.length > 1 ? `${r.source}：` : '';
    for (const w of r.warnings) io.stderr.write(`${where}注意：${w.message}（${w.field}）\n`);
    if (!r.ok) {
      for (const e of r.errors) io.stderr.write(`${where}${e.message}（${e.field}）\n`);
      code = 1;
    }
  }
  const sheets = doc.reads.flatMap((r) => (r.ok ? [r.sheet] : []));
  if (code !== 0) return code;
  if (opts.scoreInput) {
    // One line a table, each what `pt selfeval score` reads: `pt selfeval parse F --score-input | pt selfeval score`.
    const { scoreInputOf } = await import('@/lib/format/selfeval/score-input');
    for (const s of sheets) io.stdout.write(`${JSON.stringify(scoreInputOf(s))}\n`);
    return 0;
  }
  // One table: its sheet; a file of several: an array. Nothing is printed unless every table read.
  io.stdout.write(`${JSON.stringify(sheets.length === 1 ? sheets[0] : sheets, null, 2)}\n`);
  return code;
}
