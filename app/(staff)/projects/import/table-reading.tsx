'use client';

import { useState } from 'react';
import { COLUMN_MEANINGS, MEANING_LABELS, type ColumnMeaning } from '@/lib/format/layouts/columns';
import type { AmountUnit } from '@/lib/format/layouts/amounts';
import type { TableRecognition, UnsureCell } from '@/lib/format/layouts/types';
import type { ParsedTable } from '@/lib/format/published/types';
import type { ImportItem } from '@/lib/projects/import';

const ACTION_TEXT = { create: '新建', update: '更新', unchanged: '无变化', skip: '跳过' } as const;
const KIND_TEXT = { targets: '绩效目标表', 'self-evaluation': '自评表', template: '空白模板' } as const;

export type TableCorrections = {
  onColumn: (column: number, meaning: ColumnMeaning) => void;
  onAmountUnit: (unit: AmountUnit) => void;
  onCode: (code: string) => void;
};

/** A cell the reader was unsure of: marked for the eye (colour, ?) and told to screen readers. */
function Unsure({ cells }: { cells: readonly UnsureCell[] }) {
  if (cells.length === 0) return null;
  const why = cells.map((c) => c.reason).join('；');
  return (
    <>
      <span className="unsure-mark" title={why} aria-hidden="true">
        ?
      </span>
      <span className="sr-only">（读取不确定：{why}）</span>
    </>
  );
}

function Cell({ text, unsure }: { text: string; unsure: readonly UnsureCell[] }) {
  return (
    <td className={unsure.length > 0 ? 'cell-unsure' : undefined} data-unsure={unsure.length > 0 ? 'true' : undefined}>
      <span className="cell-text">{text}</span>
      <Unsure cells={unsure} />
    </td>
  );
}

const ROW_COLUMNS = [
  { field: 'level1', label: '一级指标' },
  { field: 'level2', label: '二级指标' },
  { field: 'name', label: '三级指标' },
  { field: 'description', label: '绩效指标描述' },
  { field: 'value', label: '指标值' },
  { field: 'longtermValue', label: '中长期指标值' },
  { field: 'basis', label: '指标值确定依据' },
] as const;

function IndicatorGrid({ table, unsure, label }: { table: ParsedTable; unsure: readonly UnsureCell[]; label: string }) {
  // Columns the table does not fill are left out, so a four-column 申报表 stays four columns wide.
  const shown = ROW_COLUMNS.filter((c) => ['level1', 'level2', 'name', 'value'].includes(c.field) || table.indicators.some((r) => (r[c.field] ?? '') !== ''));
  const at = (row: number, field: string) => unsure.filter((u) => u.row === row && (u.field === field || (field === 'value' && u.field === 'target')));
  return (
    <table className="grid" aria-label={label}>
      <thead>
        <tr>
          <th className="num">行</th>
          {shown.map((c) => (
            <th key={c.field}>{c.label}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.indicators.map((r, i) => (
          <tr key={i}>
            <td className="num">{i + 1}</td>
            {shown.map((c) => (
              <Cell key={c.field} text={r[c.field] ?? ''} unsure={at(i, c.field)} />
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CodeInput({ number, given, onCode, isBusy }: { number: number; given: string; onCode: (code: string) => void; isBusy: boolean }) {
  const [draft, setDraft] = useState(given);
  const id = `code-${number}`;
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        onCode(draft.trim());
      }}
    >
      <label htmlFor={id}>项目编码（表 {number}）</label>
      <input id={id} type="text" size={24} value={draft} onChange={(e) => setDraft(e.target.value)} aria-describedby={`${id}-hint`} />
      <button className="btn" type="submit" disabled={isBusy || draft.trim() === given}>
        使用此编码
      </button>
      <span id={`${id}-hint`} className="field-warn">
        {given ? `已使用 ${given}` : '表中没有项目编码：填写后才会导入此表'}
      </span>
    </form>
  );
}

/** One recognised table: how it was read, what will be stored, and the controls to correct the reading. */
export function TableReading(props: {
  recognition: TableRecognition;
  table: ParsedTable | undefined;
  item: ImportItem | undefined;
  givenCode: string | undefined;
  isBusy: boolean;
  corrections: TableCorrections;
}) {
  const { recognition: rec, table, item, isBusy, corrections } = props;
  const number = rec.index + 1;
  const heading = `表 ${number}「${table?.name || rec.title || rec.source}」`;
  const headerUnsure = rec.unsure.filter((u) => u.row === null);
  const budgetUnsure = (f: string) => headerUnsure.filter((u) => u.field === f);
  const needsCode = table !== undefined && (table.code === '' || props.givenCode !== undefined);
  return (
    <section className="card" aria-labelledby={`reading-${number}`} style={{ marginTop: 12 }}>
      <h3 id={`reading-${number}`} style={{ marginTop: 0 }}>
        {heading} <span className="badge badge-draft">{KIND_TEXT[rec.kind]}</span>{' '}
        <span className="muted" style={{ fontSize: 13, fontWeight: 'normal' }}>
          {rec.source}
          {rec.line !== null ? `，第 ${rec.line} 行起` : ''}
        </span>
      </h3>
      {rec.refusal ? (
        <p className="alert alert-warn" role="note">
          {rec.refusal}
        </p>
      ) : null}
      {item ? (
        <p>
          <strong>处理：</strong>
          {ACTION_TEXT[item.action]}
          {item.reason ? <span className="muted">：{item.reason}</span> : null}
        </p>
      ) : null}
      {needsCode ? <CodeInput key={props.givenCode ?? ''} number={number} given={props.givenCode ?? ''} onCode={corrections.onCode} isBusy={isBusy} /> : null}

      <h4>表头</h4>
      <table className="grid" aria-label={`${heading}的表头`}>
        <tbody>
          {rec.fields.map((f, i) => (
            <tr key={i}>
              <th scope="row">{f.label}</th>
              <td className="muted">{f.meaning}</td>
              <td>{f.value}</td>
            </tr>
          ))}
          {table ? (
            <tr>
              <th scope="row">项目编码</th>
              <td className="muted">导入为</td>
              <td>{table.code || '（无）'}</td>
            </tr>
          ) : null}
        </tbody>
      </table>

      {table ? (
        <>
          <h4>资金（导入后以万元计）</h4>
          <table className="grid" aria-label={`${heading}的资金`}>
            <tbody>
              <tr>
                <th scope="row">预算数</th>
                <Cell text={table.budget.total} unsure={budgetUnsure('budget.total')} />
                <th scope="row">财政资金</th>
                <Cell text={table.budget.fiscal} unsure={budgetUnsure('budget.fiscal')} />
                <th scope="row">其他资金</th>
                <Cell text={table.budget.other ?? '—'} unsure={budgetUnsure('budget.other')} />
              </tr>
            </tbody>
          </table>
        </>
      ) : null}
      <p className="row">
        <label htmlFor={`unit-${number}`}>原表金额单位</label>
        <select id={`unit-${number}`} value={rec.amountUnit} disabled={isBusy} onChange={(e) => corrections.onAmountUnit(e.target.value as AmountUnit)}>
          <option value="万元">万元</option>
          <option value="元">元</option>
        </select>
        {rec.isAmountUnitPrinted ? <span className="muted">表中注明</span> : <span className="field-warn">表中没有注明，按{rec.amountUnit}读取<Unsure cells={budgetUnsure('amountUnit')} /></span>}
      </p>

      <h4>各列的读法</h4>
      <ul className="column-readings">
        {rec.columns.map((c) => (
          <li key={c.index}>
            <span>{c.text}</span> <span className="muted">（表头“{c.header || '空'}”{c.isOverridden ? '，已更正' : ''}）</span>{' '}
            <label className="sr-only" htmlFor={`col-${number}-${c.index}`}>
              表 {number} 第 {c.index + 1} 列的含义
            </label>
            <select id={`col-${number}-${c.index}`} value={c.meaning} disabled={isBusy} onChange={(e) => corrections.onColumn(c.index, e.target.value as ColumnMeaning)}>
              {COLUMN_MEANINGS.map((m) => (
                <option key={m} value={m}>
                  {MEANING_LABELS[m]}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>

      {table ? (
        <>
          <h4>
            指标（{table.indicators.length} 行
            {rec.unsure.some((u) => u.row !== null) ? `，${new Set(rec.unsure.filter((u) => u.row !== null).map((u) => `${u.row}:${u.field}`)).size} 个单元格读取不确定，已标出` : ''}）
          </h4>
          <IndicatorGrid table={table} unsure={rec.unsure} label={`${heading}的指标`} />
        </>
      ) : null}
    </section>
  );
}
