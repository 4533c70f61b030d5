'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState, useTransition } from 'react';
import { FormProvider, useForm, type FieldErrors } from 'react-hook-form';
import type { Framework } from '@/lib/domain/framework';
import { checkTable, type RuleProfile } from '@/lib/domain/rules';
import { tableSchema, type TableInput } from '@/lib/domain/schemas';
import type { TargetTable } from '@/lib/domain/table';
import { createFindingsStore } from '@/lib/editor/findings-store';
import { createTableAction, saveTableAction } from '@/app/(staff)/projects/actions';
import { EditorContext, fieldId, type EditorComment } from './context';
import { FindingsPanel } from './findings-panel';
import { GoalsEditor } from './goals-editor';
import { HeaderFields } from './header-fields';
import { IndicatorTree } from './indicator-tree';
import { PlanEditor } from './plan-editor';
import { COMMON_UNITS } from './value-editor';
import { useUnsavedGuard } from './use-unsaved-guard';
import styles from './editor.module.css';

const BASES = ['工作计划', '年度工作计划', '经验标准', '行业标准', '历史标准', '计划标准', '政策依据', '预算批复', '采购合同', '服务协议', '问卷调查'];

export type EditorProps = {
  mode: 'create' | 'edit';
  unitYearId: number;
  projectId: number | null;
  version: number | null;
  initial: TableInput;
  framework: Framework;
  year: number;
  profile: RuleProfile;
  comments: EditorComment[];
};

/** Form values as the rules engine reads them. */
function asTable(values: TableInput): TargetTable {
  return {
    ...values,
    budget: { total: values.budget.total, fiscal: values.budget.fiscal, other: values.budget.other ? values.budget.other : null },
    indicators: values.indicators.map((r) => ({ ...r, target: r.target as TargetTable['indicators'][number]['target'] })),
  };
}

function firstErrorPath(errors: FieldErrors, prefix = ''): string | null {
  for (const [k, v] of Object.entries(errors)) {
    if (!v) continue;
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'object' && 'message' in v && typeof v.message === 'string') return path;
    if (typeof v === 'object') {
      const inner = firstErrorPath(v as FieldErrors, path);
      if (inner) return inner;
    }
  }
  return null;
}

type Banner = { kind: 'ok' | 'error' | 'warn'; text: string } | null;

export function TableEditor(props: EditorProps) {
  const router = useRouter();
  const form = useForm<TableInput>({ resolver: zodResolver(tableSchema), defaultValues: props.initial, mode: 'onSubmit', reValidateMode: 'onChange' });
  const { getValues, setValue, handleSubmit, watch } = form;
  const store = useMemo(() => createFindingsStore(), []);
  const ctx = useMemo(() => ({ framework: props.framework, year: props.year, profile: props.profile }), [props.framework, props.year, props.profile]);
  const [version, setVersion] = useState(props.version);
  const [banner, setBanner] = useState<Banner>(null);
  const [isDirty, setDirty] = useState(false);
  const [isSaving, startSaving] = useTransition();
  // Marks the form as interactive once hydrated (tests wait for it; typing earlier could be lost).
  const [isReady, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const saved = useRef(JSON.stringify(props.initial));
  const dirtyRef = useRef(false);
  dirtyRef.current = isDirty;

  const recompute = useCallback(() => {
    const values = getValues();
    store.set(checkTable(asTable(values), ctx));
    const dirty = JSON.stringify(values) !== saved.current;
    if (dirty !== dirtyRef.current) setDirty(dirty);
  }, [getValues, store, ctx]);

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

  useUnsavedGuard(useCallback(() => dirtyRef.current, []));

  const onValid = (values: TableInput) =>
    startSaving(async () => {
      setBanner(null);
      try {
        if (props.mode === 'create') {
          const r = await createTableAction({ unitYearId: props.unitYearId, table: values });
          if (!r.ok) return setBanner({ kind: 'error', text: r.message });
          saved.current = JSON.stringify(values);
          dirtyRef.current = false;
          router.push(`/projects/${r.data.projectId}/edit`);
          return;
        }
        const r = await saveTableAction({ projectId: props.projectId, version, table: values });
        if (!r.ok) {
          setBanner({ kind: r.code === 'conflict' ? 'warn' : 'error', text: r.message });
          return;
        }
        r.data.keys.forEach((key, i) => {
          if (getValues(`indicators.${i}.key`) !== key) setValue(`indicators.${i}.key`, key);
        });
        setVersion(r.data.version);
        saved.current = JSON.stringify(getValues());
        setDirty(false);
        const errors = r.data.findings.filter((f) => f.severity === 'error').length;
        setBanner({ kind: 'ok', text: `已保存（版本 ${r.data.version}）${errors > 0 ? `。还有 ${errors} 个错误，修正后才能提交审核` : ''}` });
      } catch {
        // The request itself failed (network, or a body over the server's limit): the form keeps everything.
        setBanner({ kind: 'error', text: '保存失败：无法连接服务器或内容过大。你填写的内容仍在页面上，请稍后重试。' });
      }
    });

  const onInvalid = (errors: FieldErrors<TableInput>) => {
    const path = firstErrorPath(errors as FieldErrors);
    setBanner({ kind: 'error', text: '有填写格式不正确的地方（已标出），请修改后再保存。' });
    if (path) document.getElementById(fieldId(path))?.focus();
  };

  const save = handleSubmit(onValid, onInvalid);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save]);

  const rowKeys = useCallback(() => getValues('indicators').map((r) => r.key), [getValues]);
  const editorContext = useMemo(() => ({ findings: store, comments: props.comments, rowKeys }), [store, props.comments, rowKeys]);

  return (
    <EditorContext.Provider value={editorContext}>
      <FormProvider {...form}>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
          aria-label={props.mode === 'create' ? '新建绩效目标表' : '编辑绩效目标表'}
          data-ready={isReady ? 'true' : undefined}
        >
          <div className={styles.toolbar}>
            <button type="submit" className="btn btn-primary" disabled={isSaving}>
              {isSaving ? '正在保存…' : props.mode === 'create' ? '创建' : '保存草稿'}
            </button>
            <span className={styles.status} aria-live="polite">
              {isDirty ? <span className={styles.dirty}>有未保存的修改</span> : '所有修改已保存'}
              {version !== null ? ` · 版本 ${version}` : ''} · Ctrl+S 保存
            </span>
            <span className="spacer" />
            {props.projectId !== null ? (
              <>
                <Link href={`/projects/${props.projectId}/preview`}>预览</Link>
                <Link href={`/projects/${props.projectId}`}>返回概览（提交审核）</Link>
              </>
            ) : (
              <Link href={`/projects?uy=${props.unitYearId}`}>返回列表</Link>
            )}
          </div>
          <div aria-live="assertive">
            {banner ? (
              <p className={`alert alert-${banner.kind}`} role={banner.kind === 'ok' ? 'status' : 'alert'}>
                {banner.text}
              </p>
            ) : null}
          </div>
          <div className={styles.layout}>
            <div className={styles.main}>
              <section className="card" aria-labelledby="ed-basic">
                <h2 id="ed-basic" style={{ marginTop: 0 }}>
                  项目与资金
                </h2>
                <HeaderFields />
              </section>
              <section className="card" aria-labelledby="ed-plan">
                <h2 id="ed-plan" style={{ marginTop: 0 }}>
                  资金支出计划
                </h2>
                <PlanEditor />
              </section>
              <section className="card" aria-labelledby="ed-goal">
                <h2 id="ed-goal" style={{ marginTop: 0 }}>
                  绩效目标
                </h2>
                <GoalsEditor />
              </section>
              <h2>绩效指标</h2>
              <p className="muted" style={{ marginTop: -4 }}>
                每行依次为三级指标、绩效指标描述、指标值、指标值确定依据。行的上下顺序即印出顺序；Alt+↑/↓ 在同一一级指标内移动当前行。
              </p>
              <IndicatorTree framework={props.framework} year={props.year} />
            </div>
            <aside className={styles.side}>
              <FindingsPanel table={() => asTable(getValues())} />
            </aside>
          </div>
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
