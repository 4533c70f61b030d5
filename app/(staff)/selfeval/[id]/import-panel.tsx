'use client';

import { useId, useState } from 'react';
import { ActionMessage } from '@/app/ui/action-message';
import { useAction } from '@/app/ui/use-action';
import type { ImportSelfEvalResult } from '@/lib/selfeval/commands/import-selfeval';
import { importSelfEvalAction } from '../actions';
import { base64Of } from '@/app/ui/file-base64';

/**
 * 从公开文本导入: a published 自评表 (text, web page, XLSX, DOCX) is read on the server, matched to this
 * table and saved as a new version; then what was filled and what did not match is listed here.
 */
export function ImportPanel({ selfEvalId, version }: { selfEvalId: number; version: number }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportSelfEvalResult['report'] | null>(null);
  const action = useAction(importSelfEvalAction, (d: ImportSelfEvalResult) => `已导入并保存（版本 ${d.version}${d.total ? `，自评得分 ${d.total}` : ''}）`);
  const error = action.result?.fieldErrors.file?.[0];
  return (
    <section className="card" aria-label="从公开文本导入">
      <h2 style={{ marginTop: 0 }}>从公开文本导入</h2>
      <p className="muted">选择已公开的自评表（文本、网页、XLSX 或 DOCX）：按项目编码或名称找到本项目，按一级、二级、三级指标名称填入实际完成值、分值、得分、偏差原因，以及全年执行数和实际完成情况，并保存为新版本。编辑器中未保存的修改会被替换。</p>
      <div className="row">
        <label htmlFor={`${id}-file`}>公开的自评表文件</label>
        <input id={`${id}-file`} type="file" accept=".txt,.htm,.html,.xlsx,.docx,text/plain,text/html" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-invalid={error ? true : undefined} />
        <button
          className="btn"
          type="button"
          disabled={!file || action.isPending}
          onClick={() => {
            if (!file) return;
            setReport(null);
            void base64Of(file).then((b64) => action.run({ selfEvalId, version, fileName: file.name, file: b64 }, (d) => setReport(d.report)));
          }}
        >
          导入
        </button>
        <ActionMessage result={action.result} />
      </div>
      {error && error !== action.result?.message ? <div className="field-error">{error}</div> : null}
      {report ? (
        <div data-testid="import-report">
          <p>
            已填入 {report.filled.length} 行指标{report.funds ? '、全年执行数' : ''}
            {report.goal ? '、实际完成情况' : ''}。
          </p>
          {report.filled.length > 0 ? <p className="muted">已填入：{report.filled.join('、')}</p> : null}
          {report.unmatched.length > 0 ? <p className="field-error">文件中未对应到本表的行：{report.unmatched.join('；')}</p> : null}
          {report.untouched.length > 0 ? <p className="muted">文件中没有、保持原值的行：{report.untouched.join('、')}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
