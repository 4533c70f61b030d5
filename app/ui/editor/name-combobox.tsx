'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { useFormState } from 'react-hook-form';
import type { TableInput } from '@/lib/domain/schemas';
import { commonValues, pickedFields } from '@/lib/editor/suggestion';
import { useLibrarySearch, type LibraryEntry } from '../library/use-library-search';
import { useEditorForm } from './context';
import { FieldNotes, useFieldA11y } from './field-notes';
import { countRender } from './render-probe';
import editorStyles from './editor.module.css';
import styles from '../library/suggest.module.css';

const DEBOUNCE_MS = 150;

/**
 * The 三级指标 of a row as an ARIA combobox: typing lists library entries (this row's 二级 first) with
 * their common values; ↓/↑ move through them, Enter picks, Esc closes. Nothing is applied until a
 * person picks; picking fills the description, comparator, unit and basis, never the number.
 */
export function NameCombobox({ index, level2, rowLabel, hint }: { index: number; level2: string; rowLabel: string; hint?: string }) {
  countRender(`name:${index}`);
  const { register, setValue, getValues } = useEditorForm();
  const path = `indicators.${index}.name` as const;
  const { errors } = useFormState<TableInput>({ name: path, exact: true });
  const error = errors.indicators?.[index]?.name;
  const a11y = useFieldA11y(path, error);
  const search = useLibrarySearch();
  const listId = useId();
  const [entries, setEntries] = useState<LibraryEntry[]>([]);
  const [isOpen, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [spread, setSpread] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const asked = useRef('');
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const lookUp = (q: string) => {
    if (timer.current) clearTimeout(timer.current);
    asked.current = q;
    if (q.trim() === '') {
      close();
      return;
    }
    timer.current = setTimeout(() => {
      void search({ q, preferLevel2: level2, limit: 8 }).then((found) => {
        // An answer to an older query (typing went on) is dropped.
        if (found === null || asked.current !== q) return;
        setEntries(found);
        setActive(-1);
        setOpen(found.length > 0);
      });
    }, DEBOUNCE_MS);
  };
  const pick = (entry: LibraryEntry) => {
    const row = getValues(`indicators.${index}`);
    const fields = pickedFields(entry, row);
    for (const [k, v] of Object.entries(fields)) {
      setValue(`indicators.${index}.${k as keyof typeof fields}`, v as never, { shouldDirty: true, shouldValidate: k !== 'target' });
    }
    setSpread(entry.values.length ? `他人所用：${entry.values.map((v) => `${v.value}（${v.count} 张表）`).join('、')}` : null);
    asked.current = entry.name;
    close();
  };
  const registered = register(path, { onChange: (e: React.ChangeEvent<HTMLInputElement>) => lookUp(e.target.value) });
  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!isOpen) {
        if (entries.length === 0) return;
        e.preventDefault();
        setOpen(true);
        setActive(e.key === 'ArrowDown' ? 0 : entries.length - 1);
        return;
      }
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      // Past either end the choice returns to the typed text (-1), as in a native autocomplete.
      setActive((a) => {
        const next = a + step;
        return next >= entries.length ? -1 : next < -1 ? entries.length - 1 : next;
      });
      return;
    }
    if (e.key === 'Enter' && isOpen) {
      // With the list open Enter picks the chosen option (or nothing); closed, the grid moves down a row.
      e.preventDefault();
      if (active >= 0 && entries[active]) pick(entries[active]);
      return;
    }
    if (e.key === 'Escape' && isOpen) {
      e.preventDefault();
      e.stopPropagation();
      close();
    }
  };
  const activeId = isOpen && active >= 0 && active < entries.length ? `${listId}-${active}` : undefined;
  return (
    <div className={styles.anchor} data-open={isOpen}>
      <label className="sr-only" htmlFor={a11y.id}>
        {rowLabel} 三级指标
      </label>
      <input
        {...a11y}
        className={editorStyles.input}
        placeholder={hint || '三级指标'}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={isOpen}
        aria-controls={listId}
        aria-activedescendant={activeId}
        autoComplete="off"
        {...registered}
        onKeyDown={onKeyDown}
        onBlur={(e) => {
          void registered.onBlur(e);
          close();
        }}
      />
      <ul id={listId} role="listbox" aria-label={`${rowLabel} 指标库建议`} className={styles.listbox} hidden={!isOpen}>
        {isOpen
          ? entries.map((entry, i) => (
              <li
                key={entry.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                className={styles.option}
                // Keeps the focus in the input, so the pick happens before its blur closes the list.
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(entry)}
              >
                <span className={styles.optionName}>{entry.name}</span>
                {entry.standard ? <span className={styles.standard}>标准</span> : null}
                <div className={styles.optionMeta}>
                  {entry.level2 !== level2 ? `${entry.level2} · ` : ''}
                  {entry.uses} 张表{entry.values.length ? `；${commonValues(entry)}` : ''}
                </div>
              </li>
            ))
          : null}
      </ul>
      <div className="sr-only" aria-live="polite">
        {isOpen ? `${entries.length} 条指标库建议，按↓选择` : ''}
      </div>
      {spread ? <div className={styles.spread}>{spread}</div> : null}
      <FieldNotes path={path} error={error} />
    </div>
  );
}
