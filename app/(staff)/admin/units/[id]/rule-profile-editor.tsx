'use client';

import { LIGHT_FIELDS, GRADE_FIELDS, THRESHOLD_FIELDS, type DraftField, type ProfileDraft } from '@/lib/admin/profile-draft';
import { DEFAULT_RULE_PROFILE, RULES } from '@/lib/domain/rules';
import styles from './settings.module.css';

const FAMILIES: [prefix: string, title: string][] = [
  ['framework', '指标体系'],
  ['money', '金额'],
  ['plan', '资金支出计划'],
  ['value', '指标值'],
  ['wording', '文字表述'],
  ['identity', '项目编码与名称'],
];

const TITLE = new Map(RULES.map((r) => [r.id, r.title]));

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <span id={id} className="field-error">
      {message}
    </span>
  ) : null;
}

type NumberFieldProps = { field: DraftField; label: string; unit: string; value: string; error: string | undefined; hint: string; onChange: (value: string) => void };

/** One number of the profile with its unit, a hint (the default) and its error beside it. */
function NumberField({ field, label, unit, value, error, hint, onChange }: NumberFieldProps) {
  const id = `rp-${field}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <span className={styles.inputUnit}>
        <input
          id={id}
          type="text"
          inputMode="decimal"
          size={6}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        />
        {unit}
      </span>
      <span id={`${id}-hint`} className="muted" style={{ fontSize: 13 }}>
        {hint}
      </span>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

type BandField = { field: Exclude<DraftField, 'disabledRules'>; label: string; defaultValue: number };

/** Where each band starts (the warning lights, the 自评 grades): one number per band, in one unit. */
function BandSection(props: {
  title: string;
  note: string;
  fields: BandField[];
  unit: string;
  draft: ProfileDraft;
  errors: Partial<Record<DraftField, string>>;
  set: (field: Exclude<DraftField, 'disabledRules'>, value: string) => void;
}) {
  const { title, note, fields, unit, draft, errors, set } = props;
  return (
    <fieldset className={styles.section}>
      <legend className={styles.legend}>{title}</legend>
      <p className="muted" style={{ margin: 0 }}>
        {note}
      </p>
      <div className={styles.thresholds}>
        {fields.map((t) => (
          <NumberField
            key={t.field}
            field={t.field}
            label={t.label}
            unit={unit}
            value={draft[t.field]}
            error={errors[t.field]}
            onChange={(v) => set(t.field, v)}
            hint={`默认 ${t.defaultValue}${unit === '%' ? '%' : ` ${unit}`}`}
          />
        ))}
      </div>
    </fieldset>
  );
}

type Props = {
  draft: ProfileDraft;
  onChange: (next: ProfileDraft) => void;
  errors: Partial<Record<DraftField, string>>;
  /** Findings per rule under the edited profile (null while it is invalid). */
  effect: Record<string, number> | null;
  /** Findings per rule with every rule on: what switching a rule back on would add. */
  ifEnabled: Record<string, number> | null;
};

/** The rule profile as a form: thresholds with their units, then every rule of the catalogue on or off. */
export function RuleProfileEditor({ draft, onChange, errors, effect, ifEnabled }: Props) {
  const set = (field: Exclude<DraftField, 'disabledRules'>, value: string) => onChange({ ...draft, [field]: value });
  const toggle = (rule: string, isOn: boolean) =>
    onChange({ ...draft, disabledRules: isOn ? draft.disabledRules.filter((r) => r !== rule) : [...draft.disabledRules, rule] });
  const countText = (rule: string, isOn: boolean, isUnitYear: boolean) => {
    if (isUnitYear) return isOn ? '按全年度检查' : '已停用';
    if (!effect || !ifEnabled) return '';
    const n = isOn ? (effect[rule] ?? 0) : (ifEnabled[rule] ?? 0);
    return isOn ? (n > 0 ? `本年度 ${n} 处` : '本年度无') : `已停用${n > 0 ? `（启用后 ${n} 处）` : ''}`;
  };
  return (
    <>
      <fieldset className={styles.section}>
        <legend className={styles.legend}>阈值</legend>
        <div className={styles.thresholds}>
          {THRESHOLD_FIELDS.map((t) => (
            <NumberField
              key={t.field}
              field={t.field}
              label={t.label}
              unit={t.unit}
              value={draft[t.field]}
              error={errors[t.field]}
              onChange={(v) => set(t.field, v)}
              hint={`规则“${TITLE.get(t.rule)}”，默认 ${t.isShare ? DEFAULT_RULE_PROFILE[t.field] * 100 : DEFAULT_RULE_PROFILE[t.field]}%`}
            />
          ))}
          <div className="field">
            <label htmlFor="rp-codePattern">项目编码格式（正则表达式）</label>
            <input
              id="rp-codePattern"
              type="text"
              size={22}
              spellCheck={false}
              value={draft.codePattern}
              onChange={(e) => set('codePattern', e.target.value)}
              aria-invalid={errors.codePattern ? true : undefined}
              aria-describedby={`rp-codePattern-hint${errors.codePattern ? ' rp-codePattern-error' : ''}`}
            />
            <span id="rp-codePattern-hint" className={`muted ${styles.hint}`} style={{ fontSize: 13 }}>
              规则“{TITLE.get('identity.code-format')}”，默认 <code>{DEFAULT_RULE_PROFILE.codePattern}</code>（21 位大写字母或数字）{'。可用字符、[…]、\\d、\\w、.、? * + {n,m}、^、$、| 和括号；括号后不能再加重复，不支持反向引用和前瞻、后顾'}
            </span>
            <FieldError id="rp-codePattern-error" message={errors.codePattern} />
          </div>
        </div>
      </fieldset>
      <BandSection
        title="监控预警灯"
        note="执行进度 = 实际 ÷ 序时进度应完成数 × 100%。低于黄灯起点为红灯；资金没有蓝灯。"
        fields={LIGHT_FIELDS.map((t) => ({ ...t, defaultValue: DEFAULT_RULE_PROFILE.lightThresholds[t.field] }))}
        unit="%"
        draft={draft}
        errors={errors}
        set={set}
      />
      <BandSection
        title="自评等级"
        note="自评得分不低于各档起点即为该等级，低于“中”的起点为差。有的省份用 80 / 70 / 60。"
        fields={GRADE_FIELDS.map((t) => ({ ...t, defaultValue: DEFAULT_RULE_PROFILE.gradeThresholds[t.field] }))}
        unit="分"
        draft={draft}
        errors={errors}
        set={set}
      />
      <fieldset className={styles.section}>
        <legend className={styles.legend}>检查规则</legend>
        <p className="muted" style={{ margin: 0 }}>
          勾选的规则会检查本年度的每一张表。“错误”须修正后才能提交审核，“提醒”不影响提交。
        </p>
        <FieldError id="rp-disabledRules-error" message={errors.disabledRules} />
        {FAMILIES.map(([prefix, title]) => (
          <div key={prefix}>
            <h3 className={styles.family}>{title}</h3>
            <ul className={styles.rules}>
              {RULES.filter((r) => r.id.startsWith(`${prefix}.`)).map((r) => {
                const isOn = !draft.disabledRules.includes(r.id);
                return (
                  <li key={r.id} className={`${styles.rule} ${isOn ? '' : styles.ruleOff}`}>
                    <span className={styles.ruleHead}>
                      <label>
                        <input type="checkbox" checked={isOn} onChange={(e) => toggle(r.id, e.target.checked)} aria-describedby={`rule-${r.id}`} />
                        <strong>{r.title}</strong>
                      </label>
                      <span className={`badge ${r.severity === 'error' ? 'badge-error' : 'badge-warn'}`}>{r.severity === 'error' ? '错误' : '提醒'}</span>
                      <code className={styles.ruleId}>{r.id}</code>
                    </span>
                    <span className={styles.count}>{countText(r.id, isOn, r.isUnitYear === true)}</span>
                    <p id={`rule-${r.id}`} className={styles.description}>
                      {r.description}
                    </p>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </fieldset>
    </>
  );
}
