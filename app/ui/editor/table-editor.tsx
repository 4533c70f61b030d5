'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import type { Framework } from '@/lib/domain/framework';
import type { LearnedDefaults } from '@/lib/editor/learned-defaults';
import { checkTable, type RuleProfile } from '@/lib/domain/rules';
import { tableSchema, type TableInput } from '@/lib/domain/schemas';
import { createFindingsStore } from '@/lib/editor/findings-store';
import { createRevealStore } from '@/lib/editor/reveal-store';
import { normaliseTable } from '@/lib/projects/normalise';
import { saveStatusText } from '@/lib/editor/save-status';
import { autosavedText } from '@/lib/editor/timing';
import type { UnitYearBudget } from '@/lib/editor/budget-check';
import { createAnnouncer, LiveAnnouncer } from './announcer';
import { applyValues } from './apply-values';
import type { LastYearRow } from '@/lib/domain/last-year';
import { EditorContext, type EditorComment } from './context';
import { FindingsPanel } from './findings-panel';
import { GoalsEditor } from './goals-editor';
import { HeaderFields } from './header-fields';
import { IndicatorTree } from './indicator-tree';
import { PasteArea } from './paste-area';
import { PlanEditor } from './plan-editor';
import { RestoreOffer } from './restore-offer';
import { SignInDialog } from './sign-in-dialog';
import { usePointerGate } from './pointer-gate';
import { countRender } from './render-probe';
import { useAutosave } from './use-autosave';
import { useEditHistory } from './use-edit-history';
import { useKeepalive } from './use-keepalive';
import { useLocalCopy } from './use-local-copy';
import { useTableSave } from './use-table-save';
import { useUnsavedGuard } from './use-unsaved-guard';
import { SubmitButton } from './submit-button';
import { COMMON_UNITS } from './value-editor';
import styles from './editor.module.css';

const BASES = ['工作计划', '年度工作计划', '经验标准', '行业标准', '历史标准', '计划标准', '政策依据', '预算批复', '采购合同', '服务协议', '问卷调查'];

export type EditorProps = {
  unitYearId: number;
  projectId: number | null;
  version: number | null;
  initial: TableInput;
  framework: Framework;
  year: number;
  profile: RuleProfile;
  comments: EditorComment[];
  /** The owner may submit from here once the table is saved (the server still checks rights and errors). */
  canSubmit?: boolean;
  /** The other tables' budgets and the year's 项目支出, for the warning under 预算数. */
  unitYearBudget?: UnitYearBudget;
  /** Who is signed in: the sign-in dialog shown when the session ends during a save starts from it. */
  username?: string;
  /** Rows of last year's table this one continues: 上年指标值 beside each row and 指标值偏低 (lib/library/last-year.ts). */
  lastYear?: LastYearRow[] | null;
  /** Per 二级, the library's clear favourite value shape that new rows start with (lib/library/defaults.ts). */
  learnedDefaults?: LearnedDefaults;
};

/** Everything below the toolbar; memoised so that the status line and banner do not re-render it. */
const EditorBody = memo(function EditorBody({ framework, learned }: { framework: Framework; learned?: LearnedDefaults }) {
  countRender('body');
  return (
    <div className={styles.layout}>
      <div className={styles.main}>
        <section className="card" aria-labelledby="ed-basic">
          <h2 id="ed-basic" className={styles.cardTitle}>
            项目与资金
          </h2>
          <HeaderFields />
        </section>
        <section className="card" aria-labelledby="ed-plan">
          <h2 id="ed-plan" className={styles.cardTitle}>
            资金支出计划
          </h2>
          <PlanEditor />
        </section>
        <section className="card" aria-labelledby="ed-goal">
          <h2 id="ed-goal" className={styles.cardTitle}>
            绩效目标
          </h2>
          <GoalsEditor />
        </section>
        <h2 id="ed-indicators" tabIndex={-1}>
          绩效指标
        </h2>
        <p className={`muted ${styles.treeHint}`}>
          每行依次为三级指标、绩效指标描述、指标值、指标值确定依据。行的上下顺序即印出顺序；Alt+↑/↓ 在同一一级指标内移动当前行。
          Enter / Shift+Enter 在同一列下移、上移，↑/↓ 在行间移动，Ctrl+D 向下填充上一行，Ctrl+Enter 在下方插入一行，Ctrl+Z / Ctrl+Y 撤销、重做；长文字中 Alt+Enter 换行。
        </p>
        <PasteArea framework={framework}>
          <IndicatorTree framework={framework} learned={learned} />
        </PasteArea>
      </div>
      <aside className={styles.side}>
        <FindingsPanel />
      </aside>
    </div>
  );
});

export function TableEditor(props: EditorProps) {
  countRender('editor');
  const form = useForm<TableInput>({ resolver: zodResolver(tableSchema), defaultValues: props.initial, mode: 'onSubmit', reValidateMode: 'onChange' });
  const { getValues, setValue, register, control, watch } = form;
  const store = useMemo(() => createFindingsStore(), []);
  const reveal = useMemo(() => createRevealStore(props.projectId !== null), [props.projectId]);
  const lastYear = props.lastYear ?? null;
  const ctx = useMemo(() => ({ framework: props.framework, year: props.year, profile: props.profile, lastYear: () => lastYear }), [props.framework, props.year, props.profile, lastYear]);
  const [isDirty, setDirty] = useState(false);
  // Marks the form as interactive once hydrated (tests wait for it; typing earlier could be lost).
  const [isReady, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const saved = useRef(JSON.stringify(props.initial));
  const formEl = useRef<HTMLFormElement>(null);
  const announcer = useMemo(() => createAnnouncer(), []);

  const gate = usePointerGate();
  // Findings are computed on the table as the server will store it, so they match the saved draft's.
  const recompute = useCallback(() => {
    const values = getValues();
    const findings = checkTable(normaliseTable(values), ctx);
    gate.run(() => store.set(findings));
    setDirty(JSON.stringify(values) !== saved.current);
  }, [getValues, store, ctx, gate]);
  // A new table's field shows its findings once the user has changed it and left it (not when focus only
  // passed through, e.g. onto a row just added).
  const edited = useRef(new Set<string>());
  const notesOf = (e: { target: EventTarget }) => (e.target instanceof Element ? (e.target.getAttribute('aria-describedby')?.split(' ') ?? []) : []);

  useEffect(() => {
    recompute();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Findings follow typing after a pause, so keystrokes stay cheap in large tables.
    const sub = watch(() => {
      clearTimeout(timer);
      timer = setTimeout(recompute, 250);
    });
    return () => {
      clearTimeout(timer);
      sub.unsubscribe();
    };
  }, [watch, recompute]);

  // Never lose typing: a local copy per table and version, offered back on return and dropped once saved.
  const onSavedRef = useRef<(basedOn: { projectId: number | null; version: number | null }) => void>(() => undefined);
  const onSaved = useCallback((basedOn: { projectId: number | null; version: number | null }) => onSavedRef.current(basedOn), []);
  const saveTable = useTableSave({ form, unitYearId: props.unitYearId, projectId: props.projectId, version: props.version, saved, recompute, onSaved });
  const { isSaving, banner, projectId, version } = saveTable;
  const local = useLocalCopy({ ref: { unitYearId: props.unitYearId, projectId, version }, getValues, watch, saved, opened: props.initial });
  onSavedRef.current = local.onSaved;
  useKeepalive(formEl);
  useAutosave({ isExisting: projectId !== null, isSignInNeeded: saveTable.isSignInNeeded, getValues, watch, saved, isBusy: saveTable.isBusyNow, save: saveTable.save });
  // A save attempt shows every finding beside its field, also on a new table.
  const save = useCallback(() => {
    reveal.revealAll();
    saveTable.save();
  }, [reveal, saveTable.save]);
  const editorFormForHistory = useMemo(() => ({ getValues, setValue }), [getValues, setValue]);
  useEditHistory(formEl, editorFormForHistory, watch, announcer, props.initial);
  const restore = useCallback(() => {
    if (local.offer) applyValues(editorFormForHistory, local.offer.values);
    local.answer(true);
    recompute();
  }, [local, editorFormForHistory, recompute]);
  // Asked only when the user is about to leave: compared afresh, so an edit made within the findings'
  // 250 ms pause is not lost to a quick click on a link or a closed tab.
  useUnsavedGuard(
    useCallback(() => JSON.stringify(getValues()) !== saved.current, [getValues]),
    isDirty,
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault();
        save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const editorForm = useMemo(() => ({ register, setValue, getValues, control }), [register, setValue, getValues, control]);
  const editorContext = useMemo(
    () => ({ form: editorForm, findings: store, reveal, comments: props.comments, unitYearBudget: props.unitYearBudget, announcer, lastYear }),
    [editorForm, store, reveal, props.comments, props.unitYearBudget, announcer, lastYear],
  );
  const isCreate = projectId === null;

  return (
    <EditorContext.Provider value={editorContext}>
      <FormProvider {...form}>
        <a className={styles.skipLink} href="#ed-indicators">
          跳到绩效指标
        </a>
        <form
          ref={formEl}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
          onInput={(e) => notesOf(e).forEach((id) => edited.current.add(id))}
          onBlur={(e) => {
            const ids = notesOf(e).filter((id) => edited.current.has(id));
            if (ids.length > 0) gate.run(() => ids.forEach(reveal.visit));
          }}
          aria-label={isCreate ? '新建绩效目标表' : '编辑绩效目标表'}
          data-ready={isReady ? 'true' : undefined}
        >
          <div className={styles.toolbar}>
            <button type="submit" className="btn btn-primary" disabled={isSaving} aria-disabled={isSaving}>
              {isSaving ? '正在保存…' : isCreate ? '创建' : '保存草稿'}
            </button>
            <span className={styles.status} aria-live="polite">
              {isDirty && !isCreate ? <span className={styles.dirty}>{saveStatusText({ isCreate, isDirty })}</span> : saveStatusText({ isCreate, isDirty })}
              {version !== null ? ` · 版本 ${version}` : ''} · Ctrl+S 保存
              {saveTable.autosavedAt ? ` · ${autosavedText(saveTable.autosavedAt)}` : ''}
            </span>
            <span className="spacer" />
            {!isCreate && props.canSubmit ? <SubmitButton projectId={projectId} version={version} isDirty={isDirty} /> : null}
            {!isCreate ? (
              <>
                <Link href={`/projects/${projectId}/preview`}>预览</Link>
                <Link href={`/projects/${projectId}`}>返回概览（提交审核）</Link>
              </>
            ) : (
              <Link href={`/projects?uy=${props.unitYearId}`}>返回列表</Link>
            )}
            {/* In the sticky bar, so a save's outcome shows where the user is, however far down the table. */}
            <div aria-live="assertive" className={styles.banner}>
              {banner ? (
                <p className={`alert alert-${banner.kind}`} role={banner.kind === 'ok' ? 'status' : 'alert'}>
                  {banner.text}
                </p>
              ) : null}
            </div>
            {local.offer ? <RestoreOffer savedAt={local.offer.savedAt} onRestore={restore} onDiscard={() => local.answer(false)} /> : null}
          </div>
          <LiveAnnouncer announcer={announcer} />
          {saveTable.isSignInNeeded ? <SignInDialog username={props.username ?? ''} onSignedIn={saveTable.afterSignIn} onCancel={saveTable.cancelSignIn} /> : null}
          <EditorBody framework={props.framework} learned={props.learnedDefaults} />
          <datalist id="pt-units">
            {COMMON_UNITS.map((u) => (
              <option key={u} value={u} />
            ))}
          </datalist>
          <datalist id="pt-bases">
            {BASES.map((b) => (
              <option key={b} value={b} />
            ))}
          </datalist>
        </form>
      </FormProvider>
    </EditorContext.Provider>
  );
}
