'use client';

import { memo } from 'react';
import { useFormState, useWatch } from 'react-hook-form';
import type { TableInput } from '@/lib/domain/schemas';
import { fieldId, useEditor, useEditorForm } from './context';
import { LastYearLine } from './last-year-line';
import { FieldNotes, notesId, useFieldA11y } from './field-notes';
import { countRender } from './render-probe';
import { NameCombobox } from './name-combobox';
import { ValueEditor } from './value-editor';
import styles from './editor.module.css';

export type RowActions = {
  move: (index: number, direction: -1 | 1) => void;
  remove: (index: number) => void;
};

type Props = {
  index: number;
  level2: string;
  /** The placeholder of the 三级指标 field (lib/editor/name-hint.ts). */
  nameHint: string;
  isPlaceholder: boolean;
  /** 1-based position shown to people, e.g. in labels: `第 3 行`. */
  number: number;
  rowKey: string | undefined;
  canMoveUp: boolean;
  canMoveDown: boolean;
  actions: RowActions;
};

function TextCell({ index, field, label, rowLabel, multiline, hint }: { index: number; field: 'name' | 'description' | 'basis'; label: string; rowLabel: string; multiline?: boolean; hint?: string }) {
  countRender(`${field}:${index}`);
  const { register } = useEditorForm();
  const path = `indicators.${index}.${field}` as const;
  const { errors } = useFormState<TableInput>({ name: path, exact: true });
  const error = errors.indicators?.[index]?.[field];
  const a11y = useFieldA11y(path, error);
  return (
    <div>
      <label className="sr-only" htmlFor={a11y.id}>
        {rowLabel} {label}
      </label>
      {multiline ? (
        <textarea {...a11y} className={styles.input} rows={2} placeholder={hint ?? label} {...register(path)} />
      ) : (
        <input {...a11y} className={styles.input} placeholder={label} list={field === 'basis' ? 'pt-bases' : undefined} {...register(path)} />
      )}
      <FieldNotes path={path} error={error} />
    </div>
  );
}

/**
 * What is said about the row as a whole: findings on its categories (wrong level 1, unknown level 2) and
 * reviewers' comments. The row element names these notes, and the findings panel focuses the row.
 */
function RowNotes({ index, rowKey }: { index: number; rowKey: string | undefined }) {
  return (
    <div className={styles.rowNotes}>
      <FieldNotes path={`indicators.${index}.level1`} />
      <FieldNotes path={`indicators.${index}.level2`} />
      <FieldNotes path={`indicators.${index}.row`} commentTarget={rowKey ? `row:${rowKey}` : undefined} />
    </div>
  );
}

/** 上年指标值 under the row's value, when last year's table has a row of this 二级 and name. */
function LastYearCell({ index, level2 }: { index: number; level2: string }) {
  const { lastYear } = useEditor();
  const name = useWatch<TableInput, `indicators.${number}.name`>({ name: `indicators.${index}.name` });
  return lastYear && lastYear.length > 0 ? <LastYearLine previous={lastYear} level2={level2} name={name ?? ''} /> : null;
}

/** One level-3 indicator: its own inputs only, so typing here never re-renders the other rows. */
export const IndicatorRowEditor = memo(function IndicatorRowEditor({ index, level2, nameHint, isPlaceholder, number, rowKey, canMoveUp, canMoveDown, actions }: Props) {
  countRender(`row:${index}`);
  const rowLabel = `第 ${number} 行`;
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    const direction = e.key === 'ArrowUp' ? -1 : 1;
    if ((direction === -1 && !canMoveUp) || (direction === 1 && !canMoveDown)) return;
    e.preventDefault();
    actions.move(index, direction);
  };
  const tool = (name: string) => fieldId(`indicators.${index}.${name}`);
  const tools = (
    <div className={styles.rowTools}>
      <button type="button" id={tool('up')} className="btn btn-small" aria-label={`${rowLabel}上移（Alt+↑）`} disabled={!canMoveUp} onClick={() => actions.move(index, -1)}>
        ↑
      </button>
      <button type="button" id={tool('down')} className="btn btn-small" aria-label={`${rowLabel}下移（Alt+↓）`} disabled={!canMoveDown} onClick={() => actions.move(index, 1)}>
        ↓
      </button>
      <button type="button" id={tool('remove')} className="btn btn-small btn-danger" aria-label={`删除${rowLabel}`} onClick={() => actions.remove(index)}>
        删除
      </button>
    </div>
  );
  const rowProps = {
    id: fieldId(`indicators.${index}`),
    tabIndex: -1,
    role: 'group',
    'aria-label': `${rowLabel}指标`,
    'aria-describedby': `${notesId(`indicators.${index}.level1`)} ${notesId(`indicators.${index}.level2`)}`,
    onKeyDown,
    'data-row': index,
  };
  if (isPlaceholder) {
    return (
      <div className={`${styles.row} ${styles.placeholderRow}`} {...rowProps}>
        <span className={styles.level2}>{level2}</span>
        <span className={styles.placeholderCell}>
          无{level2}（不适用）
        </span>
        {tools}
        <RowNotes index={index} rowKey={rowKey} />
      </div>
    );
  }
  return (
    <div className={styles.row} {...rowProps}>
      <span className={styles.level2}>{level2}</span>
      <NameCombobox index={index} level2={level2} rowLabel={rowLabel} hint={nameHint} />
      <TextCell index={index} field="description" label="绩效指标描述" rowLabel={rowLabel} multiline />
      <ValueEditor index={index} label={rowLabel} />
      <TextCell index={index} field="basis" label="指标值确定依据" rowLabel={rowLabel} />
      {tools}
      <LastYearCell index={index} level2={level2} />
      <RowNotes index={index} rowKey={rowKey} />
    </div>
  );
});
