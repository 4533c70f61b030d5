'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { UseFormWatch } from 'react-hook-form';
import type { TableInput } from '@/lib/domain/schemas';
import { discardLocalDraft, isWorthOffering, keepLocalDraft, pruneOtherVersions, readLocalDraft, type DraftRef, type LocalDraft } from '@/lib/editor/local-draft';
import { createDebounce, LOCAL_COPY_AFTER_MS } from '@/lib/editor/timing';

type Options = {
  ref: DraftRef;
  getValues: () => TableInput;
  watch: UseFormWatch<TableInput>;
  /** JSON of the values last saved: a form equal to it has nothing to keep. */
  saved: RefObject<string>;
  /** What the page opened with: a kept copy equal to it is not worth offering. */
  opened: TableInput;
};

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/**
 * Unsaved edits survive a closed tab or a crash: kept in localStorage per table and version shortly
 * after each change (and at once when the tab is hidden or closed), offered back when the editor opens
 * again, discarded once saved.
 */
export function useLocalCopy({ ref, getValues, watch, saved, opened }: Options) {
  const [offer, setOffer] = useState<LocalDraft | null>(null);
  const latestRef = useRef(ref);
  latestRef.current = ref;
  // While the offer is open, the kept copy is not overwritten by the page's own values.
  const isOffering = useRef(false);
  const openedRef = useRef(opened);

  const keep = useCallback(() => {
    const s = storage();
    if (!s || isOffering.current) return;
    const values = getValues();
    if (JSON.stringify(values) === saved.current) discardLocalDraft(s, latestRef.current);
    else keepLocalDraft(s, latestRef.current, values, Date.now());
  }, [getValues, saved]);
  const debounce = useMemo(() => createDebounce(keep, LOCAL_COPY_AFTER_MS), [keep]);

  useEffect(() => {
    const s = storage();
    if (!s) return;
    pruneOtherVersions(s, latestRef.current);
    const kept = readLocalDraft(s, latestRef.current);
    if (isWorthOffering(kept, openedRef.current)) {
      isOffering.current = true;
      setOffer(kept);
    } else if (kept) discardLocalDraft(s, latestRef.current);
  }, []);

  useEffect(() => {
    const sub = watch(() => debounce.poke());
    const now = () => debounce.flush();
    const onHidden = () => {
      if (document.visibilityState === 'hidden') debounce.flush();
    };
    window.addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      sub.unsubscribe();
      debounce.flush();
      window.removeEventListener('pagehide', now);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [watch, debounce]);

  /** A save succeeded: the copy of the edits it was based on goes; edits typed since are kept anew. */
  const onSaved = useCallback(
    (basedOn: { projectId: number | null; version: number | null }) => {
      const s = storage();
      if (s) discardLocalDraft(s, { ...latestRef.current, ...basedOn });
      debounce.poke();
    },
    [debounce],
  );
  const answer = useCallback(
    (isRestored: boolean) => {
      const s = storage();
      isOffering.current = false;
      setOffer(null);
      if (!isRestored && s) discardLocalDraft(s, latestRef.current);
    },
    [],
  );
  return { offer, onSaved, answer };
}
