'use client';

import { useMemo } from 'react';
import { matchLastYear, type LastYearRow } from '@/lib/domain/last-year';
import styles from './editor.module.css';

/**
 * The line under a row's value: last year's 指标值 (and 实际完成值 when a self-evaluation holds one) of
 * the row it continues. The warning itself (指标值偏低) is a finding, shown with the value's notes.
 */
export function LastYearLine({ previous, level2, name }: { previous: readonly LastYearRow[]; level2: string; name: string }) {
  // A row without a name yet continues nothing (last year's unnamed rows would otherwise match it).
  const match = useMemo(() => (name.trim() ? (matchLastYear([{ level2, name, value: '', isPlaceholder: false }], previous)[0] ?? null) : null), [previous, level2, name]);
  if (!match) return null;
  return (
    <p className={styles.lastYear} data-testid="last-year">
      上年指标值：<span className={styles.lastYearValue}>{match.value || '（空）'}</span>
      {match.actual ? (
        <>
          {' · 上年实际完成值：'}
          <span className={styles.lastYearValue}>{match.actual}</span>
        </>
      ) : null}
    </p>
  );
}
