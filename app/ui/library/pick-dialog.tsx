'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { Framework } from '@/lib/domain/framework';
import { commonValues } from '@/lib/editor/suggestion';
import { useLibrarySearch, type LibraryEntry } from './use-library-search';
import styles from './suggest.module.css';

type UnitOption = { id: number; label: string };

/**
 * 挑选指标: search and filter the library (keyword, 一级/二级, unit, standard only), tick several entries
 * and add them at once; the editor places each under its 二级. A modal <dialog>: the page behind is inert,
 * Esc or 取消 closes it, and the focus goes back to the button that opened it.
 */
export function PickDialog({ framework, onAdd }: { framework: Framework; onAdd: (entries: LibraryEntry[]) => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const search = useLibrarySearch();
  const id = useId();
  const [q, setQ] = useState('');
  const [level1, setLevel1] = useState('');
  const [level2, setLevel2] = useState('');
  const [unitId, setUnitId] = useState('');
  const [isStandardOnly, setStandardOnly] = useState(false);
  const [units, setUnits] = useState<UnitOption[]>([]);
  const [entries, setEntries] = useState<LibraryEntry[]>([]);
  const [chosen, setChosen] = useState<Map<number, LibraryEntry>>(new Map());
  const [isOpen, setOpen] = useState(false);

  useEffect(() => {
    if (!isOpen) return;
    const t = setTimeout(() => {
      void search({ q, level1: level1 || undefined, level2: level2 || undefined, unitId: unitId ? Number(unitId) : undefined, standard: isStandardOnly, limit: 30 }).then((found) => {
        if (found) setEntries(found);
      });
    }, 150);
    return () => clearTimeout(t);
  }, [isOpen, q, level1, level2, unitId, isStandardOnly, search]);

  const open = () => {
    setChosen(new Map());
    setOpen(true);
    dialog.current?.showModal();
    if (units.length === 0) {
      void fetch('/api/unit-years')
        .then((r) => (r.ok ? r.json() : null))
        .then((body: { unitYears?: { unitId: number; unitCode: string; unitName: string }[] } | null) => {
          const seen = new Map<number, UnitOption>();
          for (const u of body?.unitYears ?? []) seen.set(u.unitId, { id: u.unitId, label: `${u.unitCode} ${u.unitName}` });
          setUnits([...seen.values()]);
        })
        .catch(() => undefined);
    }
  };
  const close = () => {
    dialog.current?.close();
  };
  const toggle = (e: LibraryEntry) => {
    const next = new Map(chosen);
    if (next.has(e.id)) next.delete(e.id);
    else next.set(e.id, e);
    setChosen(next);
  };
  const level2s = framework.sections.filter((s) => !level1 || s.name === level1).flatMap((s) => s.categories.map((c) => c.name));
  return (
    <>
      <button ref={opener} type="button" className="btn btn-small" onClick={open}>
        挑选指标
      </button>
      <dialog
        ref={dialog}
        className={styles.dialog}
        aria-labelledby={`${id}-title`}
        onClose={() => {
          setOpen(false);
          opener.current?.focus();
        }}
      >
        <h2 id={`${id}-title`} className={styles.dialogTitle}>
          挑选指标
        </h2>
        <div className={styles.filters}>
          <label>
            关键词
            <input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="如：满意度" />
          </label>
          <label>
            一级指标
            <select value={level1} onChange={(e) => { setLevel1(e.target.value); setLevel2(''); }}>
              <option value="">全部</option>
              {framework.sections.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            二级指标
            <select value={level2} onChange={(e) => setLevel2(e.target.value)}>
              <option value="">全部</option>
              {level2s.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <label>
            单位
            <select value={unitId} onChange={(e) => setUnitId(e.target.value)}>
              <option value="">全部可见单位</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.label}
                </option>
              ))}
            </select>
          </label>
          <label className={styles.check}>
            <input type="checkbox" checked={isStandardOnly} onChange={(e) => setStandardOnly(e.target.checked)} />
            只看标准指标
          </label>
        </div>
        <p className="sr-only" role="status" aria-live="polite">
          {isOpen ? `找到 ${entries.length} 条` : ''}
        </p>
        <fieldset className={styles.results}>
          <legend>指标库条目（已选 {chosen.size} 条）</legend>
          {entries.length === 0 ? <p className="muted">没有符合条件的条目。</p> : null}
          {entries.map((e) => (
            <label key={e.id} className={styles.result}>
              <input type="checkbox" checked={chosen.has(e.id)} onChange={() => toggle(e)} />
              <span>
                <span className={styles.optionName}>{e.name}</span>
                {e.standard ? <span className={styles.standard}>标准</span> : null}
                <span className={styles.optionMeta}>
                  {' '}
                  {e.level1} · {e.level2} · {e.uses} 张表{e.values.length ? `；${commonValues(e)}` : ''}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className={styles.dialogButtons}>
          <button
            type="button"
            className="btn btn-primary"
            disabled={chosen.size === 0}
            onClick={() => {
              onAdd([...chosen.values()]);
              close();
            }}
          >
            添加所选 {chosen.size} 条
          </button>
          <button type="button" className="btn" onClick={close}>
            取消
          </button>
        </div>
      </dialog>
    </>
  );
}
