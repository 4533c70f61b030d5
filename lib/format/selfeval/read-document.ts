/**
 * Any file a unit may have a published 自评表 in (text, a saved web page, XLSX, DOCX) → the 自评表s in
 * it, through the table importer's readers and limits (lib/format/layouts/read-document.ts). Never
 * throws: a refused or unreadable file comes back with the reason, in Chinese.
 */
import { LIMITS } from '@/lib/domain/limits';
import { decodeText } from '@/lib/http/body';
import { formatOf, readGrids, type DocumentFormat } from '@/lib/format/layouts/read-document';
import { DocumentRefused } from '@/lib/format/layouts/refusal';
import { readSelfEvalGrids, readSelfEvalText, type SelfEvalRead } from './read';

export type SelfEvalDocument = { format: DocumentFormat; reads: SelfEvalRead[]; refusal: string | null };

/** At most this many 自评表s are read from one file (a unit-year's workbook has one per project). */
const MAX_TABLES = 2_000;

export async function readSelfEvalDocument(bytes: Uint8Array, options: { fileName?: string } = {}): Promise<SelfEvalDocument> {
  const format = formatOf(bytes, options.fileName);
  const refused = (refusal: string): SelfEvalDocument => ({ format, reads: [], refusal });
  if (bytes.length > LIMITS.uploadBytes) return refused(`文件有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过上限 ${LIMITS.uploadBytes / 1024 / 1024} MB`);
  try {
    const reads = format === 'txt' ? [readSelfEvalText(decodeText(bytes), options.fileName ?? '文本')] : readSelfEvalGrids(await readGrids(bytes, format));
    if (reads.length === 0) return refused('没有找到自评表：文件中没有列出“三级指标”“年度指标值”“实际完成值”的表头');
    if (reads.length > MAX_TABLES) return refused(`文件中有 ${reads.length} 张自评表，超过一次读取的上限 ${MAX_TABLES} 张`);
    return { format, reads, refusal: null };
  } catch (error) {
    if (error instanceof DocumentRefused) return refused(error.message);
    return refused(`读取时出错：${error instanceof Error ? error.message : String(error)}`);
  }
}
