'use client';

import { useCallback, useEffect, useRef } from 'react';
import type { LibraryEntry } from '@/lib/library/search';

export type LibrarySearchParams = {
  q: string;
  preferLevel2?: string | undefined;
  level1?: string | undefined;
  level2?: string | undefined;
  unitId?: number | undefined;
  standard?: boolean | undefined;
  limit?: number | undefined;
};

export type { LibraryEntry };

/** The query string of a search, with absent values left out. */
export function searchUrl(p: LibrarySearchParams): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) {
    if (v === undefined || v === '' || v === false) continue;
    qs.set(k, v === true ? '1' : String(v));
  }
  return `/api/library/search?${qs.toString()}`;
}

/**
 * Searches the library from the browser: one request in flight per caller (a newer one cancels the
 * older), answers kept for the page's life so retyping a prefix answers at once. Resolves to null
 * when cancelled or refused; a failed search never disturbs the typing.
 */
export function useLibrarySearch(): (p: LibrarySearchParams) => Promise<LibraryEntry[] | null> {
  const inFlight = useRef<AbortController | null>(null);
  useEffect(() => () => inFlight.current?.abort(), []);
  return useCallback(async (p: LibrarySearchParams) => {
    const url = searchUrl(p);
    const hit = cache.get(url);
    if (hit) return hit;
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    try {
      const res = await fetch(url, { signal: controller.signal, headers: { accept: 'application/json' } });
      if (!res.ok) return null;
      const body = (await res.json()) as { ok: boolean; entries?: LibraryEntry[] };
      if (!body.ok || !body.entries) return null;
      if (cache.size > 300) cache.clear();
      cache.set(url, body.entries);
      return body.entries;
    } catch {
      return null;
    }
  }, []);
}

const cache = new Map<string, LibraryEntry[]>();
