'use client';

import { createContext, useContext, useSyncExternalStore } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { Finding } from '@/lib/domain/rules';
import type { TableInput } from '@/lib/domain/schemas';
import type { FindingsStore } from '@/lib/editor/findings-store';
import type { RevealStore } from '@/lib/editor/reveal-store';
import type { UnitYearBudget } from '@/lib/editor/budget-check';
import type { Announcer } from './announcer';
import type { LastYearRow } from '@/lib/domain/last-year';

export type EditorComment = { target: string | null; body: string; userName: string };

/**
 * The form methods the fields use. They are stable for the form's life, unlike the value of
 * react-hook-form's own context, which changes with the root's form state and would re-render every field.
 */
export type EditorForm = Pick<UseFormReturn<TableInput>, 'register' | 'setValue' | 'getValues' | 'control'>;

export type EditorContextValue = {
  form: EditorForm;
  findings: FindingsStore;
  reveal: RevealStore;
  comments: EditorComment[];
  unitYearBudget?: UnitYearBudget | undefined;
  /** The screen-reader announcements of the grid's keys and of undo/redo. */
  announcer: Announcer;
  /** Last year's rows of the table this one continues, shown beside each row (上年指标值). */
  lastYear?: readonly LastYearRow[] | null;
};

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const v = useContext(EditorContext);
  if (!v) throw new Error('editor context missing');
  return v;
}

export function useEditorForm(): EditorForm {
  return useEditor().form;
}

const NONE: Finding[] = [];

/**
 * The findings at a path that its notes show (see reveal-store: a new table's untouched fields show none);
 * re-renders only when they change. `notes` is the id of the notes element the path's inputs point at.
 */
export function useFindingsAt(path: string, notes: string): Finding[] {
  const { findings, reveal } = useEditor();
  const all = useSyncExternalStore(findings.subscribe, () => findings.at(path), () => findings.at(path));
  const isShown = useSyncExternalStore(reveal.subscribe, () => reveal.isShown(notes), () => reveal.isShown(notes));
  return isShown ? all : NONE;
}

/** `indicators.3.value` → `f-indicators-3-value`: ids that findings and errors link to. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/**
 * The id of the element that shows a path: a value's number or month is its main input (the one the
 * value's findings point at); row-level paths (level 1/2, the row) go to the row itself.
 */
export function focusableId(path: string): string {
  const target = /^indicators\.(\d+)\.target(?:\.(\w+))?$/.exec(path);
  if (target) return !target[2] || target[2] === 'number' || target[2] === 'month' ? fieldId(`indicators.${target[1]}.value`) : fieldId(path);
  const row = /^indicators\.(\d+)\.(level1|level2|row|key|isPlaceholder)$/.exec(path);
  if (row) return fieldId(`indicators.${row[1]}`);
  return fieldId(path);
}
