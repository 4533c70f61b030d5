'use client';

import { useMemo, useState } from 'react';
import { ActionMessage } from '@/app/ui/action-message';
import { useAction } from '@/app/ui/use-action';
import type { UnitYearSettingsResult } from '@/lib/admin/commands';
import { draftOf, profileJson, profileOfDraft, type ProfileDraft } from '@/lib/admin/profile-draft';
import { DEFAULT_RULE_PROFILE, type RuleProfile } from '@/lib/domain/rules';
import { effectOf, type EffectBasis } from '@/lib/domain/rules/effect';
import { updateUnitYearAction } from '../../actions';
import { RuleProfileEditor } from './rule-profile-editor';
import styles from './settings.module.css';

type Props = {
  unitYearId: number;
  frameworks: { id: number; name: string }[];
  frameworkId: number;
  projectExpenditure: string;
  budgetSumYuan: number;
  basis: EffectBasis;
  /** The stored framework and profile, to set the edited effect beside. */
  savedProfile: RuleProfile;
};

function savedMessage(d: UnitYearSettingsResult): string {
  if (!d.recounted) return '已保存';
  const r = d.recounted;
  return `已保存，并按新设置重新检查了 ${r.tables} 张表：错误 ${r.errors} 处，提醒 ${r.warnings} 处`;
}

/** A unit-year's framework, 项目支出 and rule profile, with the effect of the edited profile shown live. */
export function UnitYearSettings(props: Props) {
  const [frameworkId, setFrameworkId] = useState(props.frameworkId);
  const [draft, setDraft] = useState<ProfileDraft>(() => draftOf(props.savedProfile));
  const { run, isPending, result } = useAction(updateUnitYearAction, savedMessage);
  const checked = useMemo(() => profileOfDraft(draft), [draft]);
  const basis = props.basis.byFramework[String(frameworkId)];
  const effect = useMemo(() => (checked.ok && basis ? effectOf(basis, checked.profile) : null), [checked, basis]);
  const current = useMemo(() => {
    const b = props.basis.byFramework[String(props.frameworkId)];
    return b ? effectOf(b, props.savedProfile) : null;
  }, [props.basis, props.frameworkId, props.savedProfile]);
  const ifEnabled = useMemo(() => (checked.ok && basis ? effectOf(basis, { ...checked.profile, disabledRules: [] }).byRule : null), [checked, basis]);
  // Checked as the administrator types: the schema is the same one the action applies.
  const errors = checked.ok ? {} : checked.errors;
  const serverError = result && !result.ok ? (result.fieldErrors.projectExpenditure?.[0] ?? null) : null;

  return (
    <form
      className="card"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!checked.ok) {
          const first = Object.keys(checked.errors)[0];
          document.getElementById(`rp-${first}`)?.focus();
          return;
        }
        const f = new FormData(e.currentTarget);
        run({
          unitYearId: props.unitYearId,
          frameworkId,
          projectExpenditure: String(f.get('projectExpenditure') ?? '').trim() || null,
          ruleProfile: profileJson(checked.profile),
        });
      }}
    >
      <fieldset className={styles.section}>
        <legend className={styles.legend}>指标体系与项目支出</legend>
        <div className="row" style={{ alignItems: 'flex-start' }}>
          <div className="field">
            <label htmlFor="uy-framework">指标体系</label>
            <select id="uy-framework" value={frameworkId} onChange={(e) => setFrameworkId(Number(e.target.value))}>
              {props.frameworks.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="uy-expenditure">项目支出（万元）</label>
            <input
              id="uy-expenditure"
              name="projectExpenditure"
              type="text"
              inputMode="decimal"
              size={12}
              style={{ alignSelf: 'flex-start' }}
              defaultValue={props.projectExpenditure}
              aria-invalid={serverError ? true : undefined}
              aria-describedby={`uy-expenditure-hint${serverError ? ' uy-expenditure-error' : ''}`}
            />
            <span id="uy-expenditure-hint" className="muted" style={{ fontSize: 13 }}>
              单位预算支出总表中的项目支出；各项目预算合计应与它相等。可暂不填。
            </span>
            {serverError ? (
              <span id="uy-expenditure-error" className="field-error">
                {serverError}
              </span>
            ) : null}
          </div>
        </div>
      </fieldset>

      <RuleProfileEditor draft={draft} onChange={setDraft} errors={errors} effect={effect?.byRule ?? null} ifEnabled={ifEnabled} />

      <div className={styles.footer}>
        <p className={styles.effect} aria-live="polite">
          {effect ? (
            <>
              按以上设置，本年度 {props.basis.tables} 张表共有 <strong>错误 {effect.errors} 处</strong>、提醒 {effect.warnings} 处
              {current ? <span className="muted">（现行设置：错误 {current.errors} 处、提醒 {current.warnings} 处）</span> : null}
            </>
          ) : (
            <span className="field-error">规则配置有误，请先改正标红的项。</span>
          )}
        </p>
        <button className="btn" type="button" onClick={() => setDraft(draftOf(DEFAULT_RULE_PROFILE))}>
          规则恢复默认
        </button>
        <button className="btn btn-primary" type="submit" disabled={isPending}>
          {isPending ? '正在保存…' : '保存设置'}
        </button>
        <div className={styles.saved}>
          <ActionMessage result={result} />
        </div>
      </div>
    </form>
  );
}
