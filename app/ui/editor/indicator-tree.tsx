'use client';

import { memo, useCallback, useMemo, useRef } from 'react';
import { useFieldArray } from 'react-hook-form';
import type { Framework } from '@/lib/domain/framework';
import { findCategory, placeholderText } from '@/lib/domain/framework';
import type { TableInput } from '@/lib/domain/schemas';
import { deleteRowQuestion, notApplicableQuestion } from '@/lib/editor/confirm';
import { groupRows, insertionIndex, type CategoryState, type Section } from '@/lib/editor/groups';
import { nameHint } from '@/lib/editor/name-hint';
import { newClientRowKey } from '@/lib/editor/row-key';
import { useConfirm } from '@/app/ui/confirm-dialog';
import { startingTargetFor, type LearnedDefaults } from '@/lib/editor/learned-defaults';
import { fieldId, useEditor, useEditorForm } from './context';
import { FieldNotes } from './field-notes';
import { IndicatorRowEditor, type RowActions } from './indicator-row';
import { countRender } from './render-probe';
import { useGridKeys } from './use-grid-keys';
import styles from './editor.module.css';

type Row = TableInput['indicators'][number];

/**
 * A new row carries its key from the start, so a save needs no matching of rows to keys afterwards. Its
 * value starts as the category's rows start in a blank table (lib/editor/draft.ts: 数量 a count, 时效 a
 * date, 满意度 ≥ %, or the library's clear favourite for the 二级), so added rows and starting rows agree.
 */
export function emptyRow(level1: string, level2: string, framework?: Framework, learned?: LearnedDefaults): Row {
  const role = framework ? (findCategory(framework, level2)?.category.role ?? null) : null;
  const target = role || learned?.[level2] ? startingTargetFor(level2, role, learned) : { kind: 'quantity' as const, op: '>=' as const, number: null, unit: '%' };
  return { key: newClientRowKey(), level1, level2, name: '', description: '', value: '', target, basis: '', isPlaceholder: false };
}

export function placeholderRow(level1: string, level2: string): Row {
  const p = placeholderText(level2);
  return { key: newClientRowKey(), level1, level2, name: p, description: p, value: p, target: { kind: 'text' }, basis: p, isPlaceholder: true };
}

const groupPath = (level1: string, level2: string) => `group:${level1}/${level2}`;
const addButtonPath = (level1: string, level2: string) => `add:${level1}/${level2}`;

/** After React has committed the change: focus an element, or the first that exists and is enabled. */
function focusLater(...candidates: (() => HTMLElement | null)[]): void {
  requestAnimationFrame(() => {
    for (const find of candidates) {
      const el = find();
      if (el && !(el instanceof HTMLButtonElement && el.disabled)) {
        el.focus();
        return;
      }
    }
  });
}

const firstFieldOf = (index: number) => () => document.querySelector<HTMLElement>(`[data-row="${index}"] textarea, [data-row="${index}"] input, [data-row="${index}"] button`);
const byPath = (path: string) => () => document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);

function CategoryBar({ section, category, onAdd, onNotApplicable, onUndo }: {
  section: Section;
  category: CategoryState;
  onAdd: () => void;
  onNotApplicable: () => void;
  onUndo: () => void;
}) {
  const label = `${section.level1} · ${category.level2}`;
  return (
    <div className={styles.groupHead} role="group" aria-label={label} data-path={groupPath(section.level1, category.level2)} tabIndex={-1}>
      <h4 className={styles.groupTitle}>{category.level2}</h4>
      {category.isPlaceholder ? (
        <>
          <span className={styles.placeholder}>不适用（印出为“{placeholderText(category.level2)}”）</span>
          <button type="button" className="btn btn-small" onClick={onUndo} aria-label={`取消“${category.level2}”的不适用`}>
            取消“不适用”
          </button>
        </>
      ) : (
        <>
          <span className="muted">{category.rows > 0 ? `${category.rows} 行` : '未填写'}</span>
          <button type="button" className="btn btn-small" onClick={onAdd} aria-label={`在“${category.level2}”中添加指标`} data-path={addButtonPath(section.level1, category.level2)}>
            添加指标
          </button>
          {category.inFramework ? (
            <button type="button" className="btn btn-small" onClick={onNotApplicable} aria-label={`将“${category.level2}”标为不适用`}>
              标为不适用
            </button>
          ) : null}
        </>
      )}
      <FieldNotes path={groupPath(section.level1, category.level2)} />
    </div>
  );
}

/**
 * The indicator tree laid out like the published table: each level-1 section lists its rows in print
 * order (rows move up and down inside the section), and its level-2 categories in the framework's order.
 * Memoised with stable props, so saving, the status line and the banner do not re-render its rows.
 */
export const IndicatorTree = memo(function IndicatorTree({ framework, learned }: { framework: Framework; learned?: LearnedDefaults }) {
  countRender('tree');
  const { control, getValues, setValue } = useEditorForm();
  const { announcer } = useEditor();
  const { fields, insert, remove, swap } = useFieldArray({ control, name: 'indicators' });
  const { dialog, confirm } = useConfirm();
  const sections = useMemo(() => groupRows(framework, fields), [framework, fields]);
  const latest = useRef({ fields, sections });
  latest.current = { fields, sections };

  const move = useCallback(
    (index: number, direction: -1 | 1) => {
      const section = latest.current.sections.find((s) => s.rows.includes(index));
      const other = section?.rows[section.rows.indexOf(index) + direction];
      if (other === undefined) return;
      // The same field of the moved row keeps the keyboard: ids carry the row's index, which becomes `other`.
      const active = document.activeElement;
      const prefix = fieldId(`indicators.${index}`);
      const sameField = active?.id.startsWith(`${prefix}-`) ? `${fieldId(`indicators.${other}`)}${active.id.slice(prefix.length)}` : null;
      swap(index, other);
      focusLater(() => (sameField ? document.getElementById(sameField) : null), firstFieldOf(other));
    },
    [swap],
  );
  const removeRow = useCallback(
    (index: number) => {
      const { sections: now, fields: rows } = latest.current;
      const section = now.find((s) => s.rows.includes(index));
      const k = section ? section.rows.indexOf(index) : -1;
      const next = section?.rows[k + 1];
      const previous = section?.rows[k - 1];
      const { level1, level2 } = rows[index]!;
      remove(index);
      // Focus stays near: the next row (its index drops by one), the previous one, or the group's add button.
      focusLater(
        () => (next !== undefined ? firstFieldOf(next - 1)() : null),
        () => (previous !== undefined ? firstFieldOf(previous)() : null),
        byPath(addButtonPath(level1, level2)),
        byPath(groupPath(level1, level2)),
      );
    },
    [remove],
  );
  // A row with content is deleted only after the owner confirms; an empty one goes at once.
  const askRemoveRow = useCallback(
    async (index: number) => {
      const question = deleteRowQuestion(getValues(`indicators.${index}`), index + 1);
      if (question && !(await confirm({ ...question, tone: 'danger' })).isConfirmed) return;
      removeRow(index);
    },
    [confirm, getValues, removeRow],
  );
  const actions: RowActions = useMemo(() => ({ move, remove: (index: number) => void askRemoveRow(index) }), [move, askRemoveRow]);

  // Rows taken out by "不适用" are kept here, so undoing it brings them back, each where it stood: `anchors`
  // holds, for each row, how many rows of other groups stood before it (a group may be split, as table
  // 1's 质量指标 is, and must come back split).
  const setAside = useRef(new Map<string, { rows: Row[]; anchors: number[] }>());
  const rowsOf = (level1: string, level2: string) => latest.current.fields.flatMap((f, i) => (f.level1 === level1 && f.level2 === level2 ? [i] : []));
  const add = (level1: string, level2: string) => {
    const at = insertionIndex(latest.current.sections, latest.current.fields, level1, level2);
    insert(at, emptyRow(level1, level2, framework, learned), { shouldFocus: false });
    focusLater(firstFieldOf(at));
  };
  // Ctrl+Enter: a row of the same 二级 right below the current one (a placeholder row gets none).
  const insertBelow = useCallback(
    (index: number) => {
      const row = latest.current.fields[index];
      if (!row || row.isPlaceholder) return;
      insert(index + 1, emptyRow(row.level1, row.level2, framework, learned), { shouldFocus: false });
      focusLater(firstFieldOf(index + 1));
    },
    [insert, framework, learned],
  );
  const onGridKey = useGridKeys({ form: useMemo(() => ({ getValues, setValue }), [getValues, setValue]), announcer, insertBelow });
  const askNotApplicable = async (level1: string, level2: string) => {
    const question = notApplicableQuestion(level2, rowsOf(level1, level2).map((i) => getValues(`indicators.${i}`)));
    if (question && !(await confirm({ ...question, tone: 'danger' })).isConfirmed) return;
    markNotApplicable(level1, level2);
  };
  const markNotApplicable = (level1: string, level2: string) => {
    const own = rowsOf(level1, level2);
    if (own.length === 0) {
      insert(insertionIndex(latest.current.sections, latest.current.fields, level1, level2), placeholderRow(level1, level2), { shouldFocus: false });
    } else {
      setAside.current.set(`${level1}/${level2}`, { rows: own.map((i) => getValues(`indicators.${i}`)), anchors: own.map((i, k) => i - k) });
      const at = Math.min(...own);
      remove(own);
      insert(at, placeholderRow(level1, level2), { shouldFocus: false });
    }
    focusLater(byPath(groupPath(level1, level2)));
  };
  const undoNotApplicable = (level1: string, level2: string) => {
    const own = rowsOf(level1, level2);
    const at = Math.min(...own);
    const kept = setAside.current.get(`${level1}/${level2}`);
    setAside.current.delete(`${level1}/${level2}`);
    const others = latest.current.fields.length - own.length; // read before the removal below
    remove(own);
    if (!kept) {
      insert(at, emptyRow(level1, level2, framework, learned), { shouldFocus: false });
      focusLater(firstFieldOf(at));
      return;
    }
    // Ascending: the k-th row returns after its anchor's rows of other groups and the k rows already back.
    const places = kept.anchors.map((a, k) => Math.min(a, others) + k);
    kept.rows.forEach((row, k) => insert(places[k]!, row, { shouldFocus: false }));
    focusLater(firstFieldOf(places[0]!));
  };

  return (
    <>
      <div data-path="indicators" tabIndex={-1}>
        <FieldNotes path="indicators" exact />
      </div>
      {dialog}
      <div onKeyDown={onGridKey}>
      {sections.map((s) => (
        <section key={s.level1} className={styles.section} aria-label={s.level1} data-path={`section:${s.level1}`} tabIndex={-1}>
          <h3 className={styles.sectionTitle}>{s.inFramework ? s.level1 : `${s.level1}（不在本年度指标体系中）`}</h3>
          <FieldNotes path={`section:${s.level1}`} />
          <div className={styles.group}>
            {s.categories.map((c) => (
              <CategoryBar
                key={c.level2}
                section={s}
                category={c}
                onAdd={() => add(s.level1, c.level2)}
                onNotApplicable={() => void askNotApplicable(s.level1, c.level2)}
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
                nameHint={nameHint(findCategory(framework, fields[index]!.level2)?.category.role ?? null)}
                isPlaceholder={fields[index]!.isPlaceholder}
                rowKey={fields[index]!.key}
                canMoveUp={k > 0}
                canMoveDown={k < s.rows.length - 1}
                actions={actions}
              />
            ))}
          </div>
        </section>
      ))}
      </div>
    </>
  );
});
