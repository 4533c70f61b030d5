import { invalid, wrongState } from '@/lib/actions/errors';
import { isEditable } from '@/lib/domain/workflow';
import { readSelfEvalDocument } from '@/lib/format/selfeval/read-document';
import { selfEvalFor } from '../access';
import { mapSheet, matchSheet, type ImportReport } from '../import-map';
import { loadSelfEvalView } from '../read';
import { saveSelfEval, type SaveSelfEvalResult } from './save-selfeval';
import type { Who } from './shared';

export type ImportSelfEvalResult = SaveSelfEvalResult & { report: ImportReport };

/**
 * 从公开文本导入: reads a published 自评表 (text, web page, XLSX, DOCX), finds this table's sheet in it,
 * lays its values onto the stored rows and saves them with saveSelfEval — the one path for locking,
 * scoring and audit. The file is read before any transaction; nothing is saved when no sheet matches.
 */
export async function importSelfEval(who: Who, selfEvalId: number, version: number, file: { bytes: Uint8Array; fileName: string }): Promise<ImportSelfEvalResult> {
  // Permission first, so a caller who may not edit learns nothing about the file's reading.
  const scope = await selfEvalFor(who.actor, selfEvalId, 'project.edit');
  if (!isEditable(scope.selfEval.status)) throw wrongState('此自评表已提交或已审核，不能导入');
  const doc = await readSelfEvalDocument(file.bytes, { fileName: file.fileName });
  if (doc.refusal) throw invalid(`无法导入：${doc.refusal}`, { file: [doc.refusal] });
  const sheets = doc.reads.flatMap((r) => (r.ok ? [r.sheet] : []));
  if (sheets.length === 0) {
    const why = doc.reads.flatMap((r) => (r.ok ? [] : r.errors.map((e) => e.message))).slice(0, 3).join('；');
    const message = `无法导入：文件中的自评表无法读取${why ? `（${why}）` : ''}`;
    throw invalid(message, { file: [message] });
  }
  const sheet = matchSheet(sheets, scope.project);
  if (!sheet) {
    const seen = sheets.map((s) => `${s.projectCode || '（无编码）'} ${s.projectName}`).slice(0, 5).join('；');
    const message = `文件中没有本项目（${scope.project.code} ${scope.project.name}）的自评表${seen ? `：读到的是 ${seen}` : '，或其中的自评表无法读取'}。请核对项目编码或名称。`;
    throw invalid(message, { file: [message] });
  }
  const view = await loadSelfEvalView(scope);
  const { data, report } = mapSheet(sheet, view.rows, view.data);
  if (report.filled.length === 0 && !report.funds && !report.goal) {
    const message = '文件中本项目的自评表没有一行指标与本表的一级、二级、三级指标名称对应，未导入任何内容';
    throw invalid(message, { file: [message] });
  }
  const saved = await saveSelfEval(who, selfEvalId, version, data);
  return { ...saved, report };
}
