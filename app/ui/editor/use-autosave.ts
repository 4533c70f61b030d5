'use client';

import { useEffect, useMemo, useRef } from 'react';
import type { UseFormWatch } from 'react-hook-form';
import { tableSchema, type TableInput } from '@/lib/domain/schemas';
import { AUTOSAVE_AFTER_MS, createDebounce, shouldAutosave } from '@/lib/editor/timing';
import type { SaveOptions } from './use-table-save';

type Options = {
  isExisting: boolean;
  isSignInNeeded: boolean;
  getValues: () => TableInput;
  watch: UseFormWatch<TableInput>;
  saved: React.RefObject<string>;
  isBusy: () => boolean;
  save: (opts?: SaveOptions) => void;
};

/**
 * A draft saves itself 30 s after the last change, when the input is readable (drafts save with rule
 * errors; a malformed number waits for the owner). Existing tables only: creating one is a decision.
 */
export function useAutosave(o: Options): void {
  const latest = useRef(o);
  latest.current = o;
  const debounce = useMemo(
    () =>
      createDebounce(() => {
        const { getValues, saved, isBusy, save, isExisting, isSignInNeeded } = latest.current;
        const values = getValues();
        const state = { isExisting, isSignInNeeded, isSaving: isBusy(), isDirty: JSON.stringify(values) !== saved.current, isValid: tableSchema.safeParse(values).success };
        if (shouldAutosave(state)) save({ isQuiet: true });
      }, AUTOSAVE_AFTER_MS),
    [],
  );
  useEffect(() => {
    const sub = o.watch(() => debounce.poke());
    return () => {
      sub.unsubscribe();
      debounce.cancel();
    };
  }, [o.watch, debounce]);
}
