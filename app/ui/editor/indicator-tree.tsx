'use client';

import { useCallback, useMemo, useRef } from 'react';
import { useFieldArray, useFormContext } from 'react-hook-form';
import type { Framework } from '@/lib/domain/framework';
import { placeholderText } from '@/lib/domain/framework';
import type { TableInput } from '@/lib/domain/schemas';
import { groupRows, insertionIndex, type CategoryState, type Section } from '@/lib/editor/groups';
import { FieldNotes } from './field-notes';
import { IndicatorRowEditor, type RowActions } from './indicator-row';
import styles from './editor.module.css';

type Row = TableInput['indicators'][number];

export function emptyRow(level1: string, level2: string): Row {
  return { level1, level2, name: '', description: '', value: '', target: { kind: 'quantity', op: '>=', number: Number.NaN, unit: '%' }, basis: '', isPlaceholder: false };
}

export function placeholderRow(level1: string, level2: string): Row {
  const p = placeholderText(level2);
  return { level1, level2, name: p, description: p, value: p, target: { kind: 'text' }, basis: p, isPlaceholder: true };
}

function CategoryBar({ section, category, onAdd, onNotApplicable, onUndo }: {
  section: Section;
  category: CategoryState;
  onAdd: () => void;
  onNotApplicable: () => void;
  onUndo: () => void;
}) {
  const label = `${section.level1} · ${category.level2}`;
  return (
    <div className={styles.groupHead} role="group" aria-label={label}>
      <h4 className={styles.groupTitle}>{category.level2}</h4>
      {category.isPlaceholder ? (
        <>
          <span className={styles.placeholder}>不适用（印出为“{placeholderText(category.level2)}”）</span>
          <button type="button" className="btn btn-small" onClick={onUndo}>
            取消“不适用”
          </button>
        </>
      ) : (
        <>
          <span className="muted">{category.rows > 0 ? `${category.rows} 行` : '未填写'}</span>
          <button type="button" className="btn btn-small" onClick={onAdd} aria-label={`在“${category.level2}”中添加指标`}>
            添加指标
          </button>
          {category.inFramework ? (
            <button type="button" className="btn btn-small" onClick={onNotApplicable} aria-label={`将“${category.level2}”标为不适用`}>
              标为不适用
            </button>
          ) : null}
        </>
      )}
      <FieldNotes path={`group:${section.level1}/${category.level2}`} />
    </div>
  );
}

/**
 * The indicator tree laid out like the published table: each level-1 section lists its rows in print
 * order (rows move up and down inside the section), and its level-2 categories in the framework's order.
 */
export function IndicatorTree({ framework, year }: { framework: Framework; year: number }) {
  const { control } = useFormContext<TableInput>();
  const { fields, insert, remove, swap } = useFieldArray({ control, name: 'indicators' });
  const sections = useMemo(() => groupRows(framework, fields), [framework, fields]);
  const latest = useRef({ fields, sections });
  latest.current = { fields, sections };

  const move = useCallback(
    (index: number, direction: -1 | 1) => {
      const section = latest.current.sections.find((s) => s.rows.includes(index));
      const other = section?.rows[section.rows.indexOf(index) + direction];
      if (other === undefined) return;
      swap(index, other);
      // Keep the keyboard on the row that moved.
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-row="${other}"] textarea, [data-row="${other}"] input`)?.focus());
    },
    [swap],
  );
  const removeRow = useCallback((index: number) => remove(index), [remove]);
  const actions: RowActions = useMemo(() => ({ move, remove: removeRow }), [move, removeRow]);

  const { getValues } = useFormContext<TableInput>();
  // Rows taken out by "不适用" are kept here, so undoing it brings them back.
  const setAside = useRef(new Map<string, Row[]>());
  const rowsOf = (level1: string, level2: string) => latest.current.fields.flatMap((f, i) => (f.level1 === level1 && f.level2 === level2 ? [i] : []));
  const add = (level1: string, level2: string) => insert(insertionIndex(latest.current.sections, latest.current.fields, level1, level2), emptyRow(level1, level2));
  const markNotApplicable = (level1: string, level2: string) => {
    const own = rowsOf(level1, level2);
    if (own.length === 0) {
      insert(insertionIndex(latest.current.sections, latest.current.fields, level1, level2), placeholderRow(level1, level2));
      return;
    }
    setAside.current.set(`${level1}/${level2}`, own.map((i) => getValues(`indicators.${i}`)));
    const at = Math.min(...own);
    remove(own);
    insert(at, placeholderRow(level1, level2));
  };
  const undoNotApplicable = (level1: string, level2: string) => {
    const own = rowsOf(level1, level2);
    const at = Math.min(...own);
    const back = setAside.current.get(`${level1}/${level2}`) ?? [emptyRow(level1, level2)];
    setAside.current.delete(`${level1}/${level2}`);
    remove(own);
    insert(at, back);
  };

  return (
    <>
      {sections.map((s) => (
        <section key={s.level1} className={styles.section} aria-label={s.level1}>
          <h3 className={styles.sectionTitle}>{s.inFramework ? s.level1 : `${s.level1}（不在本年度指标体系中）`}</h3>
          <FieldNotes path={`section:${s.level1}`} />
          <div className={styles.group}>
            {s.categories.map((c) => (
              <CategoryBar
                key={c.level2}
                section={s}
                category={c}
                onAdd={() => add(s.level1, c.level2)}
                onNotApplicable={() => markNotApplicable(s.level1, c.level2)}
                onUndo={() => undoNotApplicable(s.level1, c.level2)}
              />
            ))}
          </div>
          <div className={styles.group}>
            {s.rows.length === 0 ? <p className="muted">本一级指标下还没有指标。</p> : null}
            {s.rows.map((index, k) => (
              <IndicatorRowEditor
                key={fields[index]!.id}
                index={index}
                number={index + 1}
                level2={fields[index]!.level2}
                isPlaceholder={fields[index]!.isPlaceholder}
                rowKey={fields[index]!.key}
                canMoveUp={k > 0}
                canMoveDown={k < s.rows.length - 1}
                year={year}
                actions={actions}
              />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}
