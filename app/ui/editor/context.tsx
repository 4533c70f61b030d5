'use client';

import { createContext, useContext, useSyncExternalStore } from 'react';
import type { Finding } from '@/lib/domain/rules';
import type { FindingsStore } from '@/lib/editor/findings-store';

export type EditorComment = { target: string | null; body: string; userName: string };

export type EditorContextValue = { findings: FindingsStore; comments: EditorComment[]; rowKeys: () => (string | undefined)[] };

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const v = useContext(EditorContext);
  if (!v) throw new Error('editor context missing');
  return v;
}

/** The findings at a path; re-renders only when they change. */
export function useFindingsAt(path: string): Finding[] {
  const { findings } = useEditor();
  return useSyncExternalStore(findings.subscribe, () => findings.at(path), () => findings.at(path));
}

/** `indicators.3.value` → `f-indicators-3-value`: ids that findings and errors link to. */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}
