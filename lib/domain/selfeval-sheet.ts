/**
 * A 项目支出绩效自评表 as printed (lifecycle.md, issue #15): every value as text, in the order of the
 * standard layout. The editor's stored self-evaluation is turned into this for the exports and the
 * public page, and a published 自评表 is read into it by the importer, so that both sides meet on
 * one shape whatever the database holds.
 */
import type { Grade } from './scoring';

/** 年度资金总额 carries the 分值 and 得分; its 其中 rows carry amounts only. */
export type SelfEvalFundsRow = {
  label: '年度资金总额' | '其中：当年财政拨款' | '上年结转资金' | '其他资金';
  /** 年初预算数, 全年预算数 (A), 全年执行数 (B), in 万元 as typed. */
  initial: string;
  annual: string;
  executed: string;
  /** Only on 年度资金总额: 分值, 执行率 (B/A, percent without the sign), 得分; '' elsewhere. */
  weight: string;
  rate: string;
  score: string;
};

export type SelfEvalIndicatorRow = {
  level1: string;
  level2: string;
  /** 三级指标. */
  name: string;
  /** 年度指标值 in force (the adjusted value when the table was adjusted). */
  target: string;
  /** 实际完成值 as typed. */
  actual: string;
  weight: string;
  /** 得分 with two decimals, '' when the row cannot be scored yet. */
  score: string;
  /** 偏差原因分析及改进措施. */
  deviation: string;
  /** A flag the exports may print beside the row (指标值设定偏低). */
  warning?: string;
};

export type SelfEvalSheet = {
  year: number;
  projectName: string;
  projectCode: string;
  /** 主管部门 and 实施单位, as the header prints them. */
  department: string;
  implementingUnit: string;
  funds: SelfEvalFundsRow[];
  /** 年度总体目标: 预期目标 beside 实际完成情况. */
  goal: { expected: string; actual: string };
  indicators: SelfEvalIndicatorRow[];
  /** Footer: 总分 is always 100; 自评得分 with two decimals ('' when not complete); 等级. */
  selfScore: string;
  grade: Grade | '';
};
