/**
 * The fields above the indicator grid, found by their labels in reading order. Layouts name and order
 * them differently (项目名称 / 专项名称 / 项目(专项)名称; 资金总额 / 年度资金总额 / 预算数 …), put the value
 * to the right of its label or below it, or in the same cell after a colon.
 */
import { labelKey } from './labels';

export const FIELDS = ['name', 'code', 'department', 'implementer', 'nature', 'period', 'manager', 'total', 'fiscal', 'fiscalPart', 'other', 'goal', 'longtermGoal', 'purpose', 'fundsHeading'] as const;
export type Field = (typeof FIELDS)[number];

export const FIELD_LABELS: Record<Field, string> = {
  name: '项目名称',
  code: '项目编码',
  department: '主管部门',
  implementer: '实施单位',
  nature: '项目属性',
  period: '项目期',
  manager: '项目负责人',
  total: '资金总额',
  fiscal: '财政资金',
  fiscalPart: '财政资金（分级）',
  other: '其他资金',
  goal: '年度目标',
  longtermGoal: '总体目标',
  purpose: '资金用途',
  fundsHeading: '资金情况',
};

const VOCABULARY: [Field, RegExp][] = [
  ['name', /^(项目|专项|项目\(专项\)|专项\(项目\))名称$|^项目名$/],
  ['code', /^项目(编码|代码|编号)$/],
  ['department', /^(主管部门|主管单位)(及代码|及编码)?$|^(申报单位|预算单位|单位名称|下达地方或单位|部门名称)$/],
  ['implementer', /^(具体|项目)?实施单位$/],
  ['nature', /^项目(属性|类别|类型)$/],
  ['period', /^(项目期|项目周期|实施周期|实施期限|项目实施期|(项目)?起止时间|项目期限)$/],
  ['manager', /^项目负责人(及联系)?(及)?(电话|联系电话)?$|^联系电话$|^归口科室$/],
  ['total', /^(年度)?(项目)?资金总额$|^(年度)?预算(数|金额|总额)$|^本次下达.{0,12}投资$|^资金合计$|^项目总(金额|投资)$|^年度资金$/],
  ['fiscal', /^(财政拨款|财政资金|本级财政资金|财政拨款数|一般公共预算(拨款|资金)?|财政性资金)$/],
  ['fiscalPart', /^(上级补助(资金)?|中央(资金|补助)|省级资金|市级资金|区级资金|县级资金|本级资金)$/],
  ['other', /^(其他资金|其他|自筹资金|社会资金|单位自筹)$/],
  ['goal', /^(项目)?年度(总体)?(绩效)?目标$|^绩效目标$/],
  ['longtermGoal', /^(项目)?(总体|中长期|实施期|长期|中期|整体)(绩效)?目标$/],
  ['purpose', /^(预算规模及)?资金用途$|^项目概况(及立项依据)?$|^项目(内容|简介)$|^立项依据$/],
  ['fundsHeading', /^(资金情况|项目资金|投入目标|资金来源|资金构成)$/],
];

export type LabelMatch = { field: Field; unit: '元' | '万元' | null };

/** `年度资金总额（元）:` → total in 元; `其中：1.中央资金` → fiscalPart; null when the cell is no field label. */
export function fieldLabel(cell: string): LabelMatch | null {
  let k = labelKey(cell);
  let unit: LabelMatch['unit'] = null;
  const u = /\((万元|元)\)$/.exec(k);
  if (u) {
    unit = u[1] as '元' | '万元';
    k = k.slice(0, -u[0].length);
  }
  k = k.replace(/^其中:?/, '').replace(/^\d{1,2}[.、]/, '').replace(/:$/, '');
  for (const [field, re] of VOCABULARY) if (re.test(k)) return { field, unit };
  return null;
}

export type FieldValue = { field: Field; label: string; value: string; unit: LabelMatch['unit']; line: number | null };

type Cell = { text: string; row: number; line: number | null };

const isAmountField = (f: Field) => f === 'total' || f === 'fiscal' || f === 'fiscalPart' || f === 'other';

/**
 * Every labelled field in reading order. The value is the next cell that is not itself a label (a
 * label followed by a label is empty: `总体目标` `年度目标` `…` gives the text to 年度目标); an amount must
 * hold a digit. In a loose grid a text field takes the rest of its row.
 */
export function readFields(rows: readonly { cells: string[]; line: number | null }[], isLoose: boolean, isFlat: boolean): FieldValue[] {
  const cells: Cell[] = rows.flatMap((r, row) => r.cells.map((text) => ({ text: text.trim(), row, line: r.line }))).filter((c) => c.text !== '');
  const out: FieldValue[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    let match = fieldLabel(cell.text);
    let inline: string | null = null;
    if (!match) {
      const colon = /^([^:：]{2,20})[:：]\s*(.+)$/.exec(cell.text);
      const m = colon ? fieldLabel(colon[1]!) : null;
      if (!m) continue;
      match = m;
      inline = colon![2]!.trim();
    }
    let value = inline ?? '';
    if (inline === null) {
      if (isLoose && !isAmountField(match.field)) {
        value = cells.filter((c, j) => j > i && c.row === cell.row).map((c) => c.text).join(' ');
      } else if (isAmountField(match.field) && !isFlat) {
        // An amount stands to the right of its label in its row; the next row is other text (资金用途).
        const next = cells[i + 1];
        if (next && next.row === cell.row && !fieldLabel(next.text)) value = next.text;
      } else {
        const next = cells[i + 1];
        if (next && !fieldLabel(next.text) && next.row - cell.row <= 2) value = next.text;
      }
    }
    if (isAmountField(match.field) && !/\d/.test(value)) value = '';
    out.push({ field: match.field, label: cell.text, value, unit: match.unit, line: cell.line });
  }
  return out;
}
