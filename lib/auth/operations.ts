/**
 * Every server action and API route, with who may call it: the permission it needs, where the unit
 * comes from, and in which statuses of a table it is allowed. The action wrapper enforces this table,
 * and the authorization matrix test (e2e/authorization.spec.ts) both derives its expectations from it
 * and fails when the build holds an action or route that is missing here.
 */
import { EDITABLE_STATUSES, TRANSITIONS, type Status, type WorkflowAction } from '@/lib/domain/workflow';
import { LEVEL_LABELS, type ReviewLevel } from '@/lib/domain/review-levels';
import { can, reviewLevelsIn, unitsWith, type Actor, type Permission } from './permissions';

/** Where the unit a permission is checked in comes from. */
export type Scope =
  /** input.projectId: the table's unit-year's unit (and the table's status) */
  | 'project'
  /** input.unitYearId */
  | 'unit-year'
  /** a unit code in the request */
  | 'unit'
  /** not unit-scoped (administration) */
  | 'global'
  /** several tables at once; each is checked on its own as `eachItem` says */
  | 'each-item'
  /** input.reportId: the monitoring report's table's unit (and the report's status) */
  | 'monitoring-report'
  /** input.adjustmentId: the adjusted table's unit (and the adjustment's status) */
  | 'adjustment'
  /** input.selfEvalId: the 自评表's table's unit (and the 自评表's status) */
  | 'selfeval';

export type Access =
  | { kind: 'public' }
  /** Any signed-in user; what comes back is limited to what they may see. */
  | { kind: 'signed-in' }
  | { kind: 'permission'; permission: Permission; scope: Scope };

export type Operation = {
  access: Access;
  /** What it does, for refusals: 此表当前为“已提交”，不能{label}. */
  label: string;
  /** Statuses of the table in which it is allowed (project scope); absent: all. */
  statuses?: readonly Status[];
  /** Separation of duties: refused to anyone who created, edited, imported or submitted the table. */
  isRefusedToAuthors?: boolean;
  /** Still allowed while the user must change a password an administrator reset. */
  isAllowedBeforePasswordChange?: boolean;
  /** For `each-item`: the rule each item is checked by. */
  eachItem?: Operation;
  /** A review decision on a table: at two levels it needs the reviewer's level (lib/domain/review-levels.ts). */
  reviewDecision?: 'approve' | 'return';
  /**
   * The command reads its table inside its transaction and asks this table there (lib/projects/access.ts
   * projectForOperation), so the action wrapper does not read it first as well: the same decision, one
   * read less on the hottest action (on PostgreSQL a round trip). Only for decisions that need no read
   * beyond the table and its unit-year (not refused to authors, no review level).
   */
  isDecidedInCommand?: boolean;
};

const PUBLIC: Access = { kind: 'public' };
const SIGNED_IN: Access = { kind: 'signed-in' };
const onProject = (permission: Permission): Access => ({ kind: 'permission', permission, scope: 'project' });
const ADMIN: Access = { kind: 'permission', permission: 'admin.manage', scope: 'global' };

/**
 * A review decision (approve or return) must come from someone other than the table's author; an
 * author who wants it back withdraws it instead.
 */
function transition(action: WorkflowAction): Operation {
  const t = TRANSITIONS[action];
  const isReviewDecision = action === 'approve' || action === 'return';
  return { access: onProject(t.permission), label: t.label, statuses: t.from, isRefusedToAuthors: isReviewDecision, ...(isReviewDecision ? { reviewDecision: action } : {}) };
}

const APPROVE = transition('approve');

/** A monitoring report moves through the same workflow as a table, with the same separation of duties. */
function reportTransition(action: 'submit' | 'return' | 'approve'): Operation {
  const t = TRANSITIONS[action];
  const isReviewDecision = action !== 'submit';
  return { access: { kind: 'permission', permission: t.permission, scope: 'monitoring-report' }, label: t.label, statuses: t.from, isRefusedToAuthors: isReviewDecision, ...(isReviewDecision ? { reviewDecision: action } : {}) };
}

/** A 自评表 likewise; its review decisions follow the two-level setting of its unit-year. */
function selfEvalTransition(action: 'submit' | 'return' | 'approve'): Operation {
  const t = TRANSITIONS[action];
  const isReviewDecision = action !== 'submit';
  return { access: { kind: 'permission', permission: t.permission, scope: 'selfeval' }, label: t.label, statuses: t.from, isRefusedToAuthors: isReviewDecision, ...(isReviewDecision ? { reviewDecision: action } : {}) };
}

/** Keyed by the exported name of the server action (as the build's server-reference-manifest lists it). */
export const SERVER_ACTIONS = {
  // app/(auth)/login/actions.ts
  signIn: { access: PUBLIC, label: '登录' },
  // app/(staff)/account/actions.ts
  signOut: { access: PUBLIC, label: '退出', isAllowedBeforePasswordChange: true },
  changePassword: { access: SIGNED_IN, label: '修改密码', isAllowedBeforePasswordChange: true },
  // app/(staff)/projects/actions.ts
  createTableAction: { access: { kind: 'permission', permission: 'project.create', scope: 'unit-year' }, label: '新建表' },
  saveTableAction: { access: onProject('project.edit'), label: '保存修改', statuses: EDITABLE_STATUSES, isDecidedInCommand: true },
  deleteTableAction: { access: onProject('project.delete'), label: '删除', statuses: ['draft'] },
  duplicateTableAction: { access: onProject('project.create'), label: '复制' },
  startNextYearAction: { access: onProject('project.create'), label: '生成下一年度的表' },
  submitTableAction: transition('submit'),
  withdrawTableAction: transition('withdraw'),
  returnTableAction: transition('return'),
  approveTableAction: APPROVE,
  reopenTableAction: transition('reopen'),
  bulkApproveAction: {
    access: { kind: 'permission', permission: TRANSITIONS.approve.permission, scope: 'each-item' },
    label: '批量审核通过',
    eachItem: APPROVE,
  },
  addCommentAction: { access: onProject('project.comment'), label: '添加意见' },
  // app/(staff)/monitoring/actions.ts
  openMonitoringRoundsAction: { access: ADMIN, label: '开启绩效运行监控' },
  saveMonitoringReportAction: {
    access: { kind: 'permission', permission: 'project.edit', scope: 'monitoring-report' },
    label: '保存监控表',
    statuses: EDITABLE_STATUSES,
  },
  submitMonitoringReportAction: reportTransition('submit'),
  returnMonitoringReportAction: reportTransition('return'),
  approveMonitoringReportAction: reportTransition('approve'),
  // app/(staff)/projects/[id]/adjust/actions.ts
  proposeAdjustmentAction: { access: onProject('project.edit'), label: '申请调整绩效目标', statuses: ['approved'] },
  approveAdjustmentAction: {
    access: { kind: 'permission', permission: 'project.review', scope: 'adjustment' },
    label: '审核通过目标调整',
    statuses: ['submitted'],
    isRefusedToAuthors: true,
  },
  returnAdjustmentAction: {
    access: { kind: 'permission', permission: 'project.review', scope: 'adjustment' },
    label: '退回目标调整',
    statuses: ['submitted'],
    isRefusedToAuthors: true,
  },
  markCommentAction: { access: onProject('project.edit'), label: '标记意见已处理', statuses: EDITABLE_STATUSES },
  // app/(staff)/selfeval/actions.ts (issue 15): a 自评表 moves through the table workflow, as a monitoring report does.
  openSelfEvalRoundsAction: { access: ADMIN, label: '开启绩效自评' },
  setSelfEvalPublicAction: { access: ADMIN, label: '设置公开自评' },
  saveSelfEvalAction: { access: { kind: 'permission', permission: 'project.edit', scope: 'selfeval' }, label: '保存自评表', statuses: EDITABLE_STATUSES },
  // 从公开文本导入 saves through the save command: the same rule as saving.
  importSelfEvalAction: { access: { kind: 'permission', permission: 'project.edit', scope: 'selfeval' }, label: '导入自评表', statuses: EDITABLE_STATUSES },
  submitSelfEvalAction: selfEvalTransition('submit'),
  returnSelfEvalAction: selfEvalTransition('return'),
  approveSelfEvalAction: selfEvalTransition('approve'),
  // Public on purpose: it reads and writes nothing and needs no session, so that the benchmark and
  // the status page (管理 › 运行状态) measure Next's own action round trip and nothing else.
  noopAction: { access: PUBLIC, label: '空操作' },
  // app/(staff)/admin/actions.ts
  createUnitAction: { access: ADMIN, label: '新建单位' },
  renameUnitAction: { access: ADMIN, label: '修改单位名称' },
  createUnitYearAction: { access: ADMIN, label: '新建预算年度' },
  updateUnitYearAction: { access: ADMIN, label: '修改预算年度' },
  renumberUnitYearAction: { access: ADMIN, label: '重新编号' },
  createUserAction: { access: ADMIN, label: '新建用户' },
  setUserDisabledAction: { access: ADMIN, label: '停用或启用用户' },
  setUserAdminAction: { access: ADMIN, label: '设为或取消管理员' },
  resetPasswordAction: { access: ADMIN, label: '重置密码' },
  setMembershipAction: { access: ADMIN, label: '设置角色' },
  // app/(staff)/admin/tree/actions.ts, app/(staff)/admin/provision/actions.ts (issue 18)
  moveUnitAction: { access: ADMIN, label: '调整上级单位' },
  previewProvisioningAction: { access: ADMIN, label: '预览批量导入' },
  importProvisioningAction: { access: ADMIN, label: '批量导入单位或用户' },
  // app/(staff)/departments/actions.ts
  setDeadlineAction: { access: ADMIN, label: '设置编报截止日期' },
  // app/(staff)/admin/library/actions.ts (issue 16: curation of the indicator library)
  retireLibraryEntryAction: { access: ADMIN, label: '停用或恢复指标' },
  mergeLibraryEntriesAction: { access: ADMIN, label: '合并指标' },
  previewStandardLibraryAction: { access: ADMIN, label: '预览导入标准指标库' },
  importStandardLibraryAction: { access: ADMIN, label: '导入标准指标库' },
  setReviewLevelsAction: { access: ADMIN, label: '设置审核级数' },
} as const satisfies Record<string, Operation>;

export type ServerActionName = keyof typeof SERVER_ACTIONS;

/** Keyed by `METHOD path` with the route's folder names, as app/api holds them. */
export const ROUTES = {
  'GET /api/projects/[id]': { access: onProject('project.view'), label: '查看表' },
  'GET /api/projects/[id]/export': { access: onProject('project.export'), label: '导出表' },
  'GET /api/unit-years': { access: SIGNED_IN, label: '列出可见的预算年度' },
  // What it counts is limited to the caller's own units (an administrator: all) and the standard library.
  'GET /api/library/search': { access: SIGNED_IN, label: '搜索指标库' },
  'GET /api/library/standard': { access: ADMIN, label: '导出标准指标库' },
  // A department's roll-up (its whole subtree): whoever may view the unit asked for.
  'GET /api/departments/[id]/export': { access: { kind: 'permission', permission: 'project.view', scope: 'unit' }, label: '导出部门汇总' },
  // Issue 18: the approved tables of a department's whole subtree in one document.
  'GET /api/departments/[id]/document': { access: { kind: 'permission', permission: 'project.export', scope: 'unit' }, label: '导出部门的绩效目标表' },
  'GET /api/unit-years/[id]/export': { access: { kind: 'permission', permission: 'project.export', scope: 'unit-year' }, label: '导出单位' },
  'POST /api/import?mode=preview': { access: { kind: 'permission', permission: 'project.import', scope: 'unit' }, label: '预览导入' },
  'POST /api/import?mode=apply': { access: { kind: 'permission', permission: 'project.import', scope: 'unit' }, label: '导入' },
  'POST /api/session': { access: PUBLIC, label: '登录' },
  'GET /api/session': { access: SIGNED_IN, label: '查看当前登录' },
  'DELETE /api/session': { access: PUBLIC, label: '退出', isAllowedBeforePasswordChange: true },
  'GET /api/disclosure/[unit]/[year]': { access: PUBLIC, label: '公开数据' },
  'GET /api/disclosure/[unit]/[year]/export': { access: PUBLIC, label: '公开下载' },
  'GET /api/monitoring/reports/[id]/export': { access: { kind: 'permission', permission: 'project.export', scope: 'monitoring-report' }, label: '导出监控表' },
  'GET /api/monitoring/rounds/[id]/export': { access: { kind: 'permission', permission: 'project.export', scope: 'unit-year' }, label: '导出本年度监控表' },
  // Issue 15: one 自评表, and every 自评表 of a unit-year's round (the id is the unit-year's).
  'GET /api/selfeval/evaluations/[id]/export': { access: { kind: 'permission', permission: 'project.export', scope: 'selfeval' }, label: '导出自评表' },
  'GET /api/selfeval/unit-years/[id]/export': { access: { kind: 'permission', permission: 'project.export', scope: 'unit-year' }, label: '导出本年度自评表' },
  // For monitors: whether the server and database answer; no data.
  'GET /health': { access: PUBLIC, label: '运行状态' },
} as const satisfies Record<string, Operation>;

export type RouteName = keyof typeof ROUTES;

export function serverAction(name: ServerActionName): Operation {
  return SERVER_ACTIONS[name];
}

export function route(name: RouteName): Operation {
  return ROUTES[name];
}

/** What the caller is, for a decision. */
export type Caller = { actor: Actor | null; mustChangePassword: boolean };

/**
 * What the operation acts on, once loaded: the unit (null when global), the table's status, authorship;
 * for a review decision in a two-level year, the level it needs and whether the caller already approved
 * it at the department level.
 */
export type Target = {
  unitId: number | null;
  status?: Status;
  isAuthor?: boolean;
  reviewLevel?: Exclude<ReviewLevel, 'unit'>;
  isDeptApprover?: boolean;
};

/**
 * `author`: refused by separation of duties (the caller created, edited or submitted the table);
 * `level`: the table waits for a review level the caller does not review at; `same-reviewer`: the
 * caller approved it at the department level and may not approve it again at the finance level.
 */
export type Decision = 'allow' | 'unauthenticated' | 'password-change' | 'denied' | 'author' | 'state' | 'level' | 'same-reviewer';

/** The refusal message of a `level` decision. */
export function levelRefusal(level: Exclude<ReviewLevel, 'unit'>): string {
  return level === 'department'
    ? `此表等待${LEVEL_LABELS.department}：只有主管部门（本单位的上级单位）的审核人可以审核`
    : `此表等待${LEVEL_LABELS.finance}：只有财政部门（最上级单位）的审核人可以审核`;
}

/** Before the input is read: may this caller use the operation at all (in some unit)? */
export function decideCaller(op: Operation, caller: Caller): Decision {
  if (op.access.kind === 'public') return 'allow';
  if (!caller.actor) return 'unauthenticated';
  if (caller.mustChangePassword && !op.isAllowedBeforePasswordChange) return 'password-change';
  if (op.access.kind === 'signed-in') return 'allow';
  const units = unitsWith(caller.actor, op.access.permission);
  return units === null || units.length > 0 ? 'allow' : 'denied';
}

/** With the target loaded: the permission in its unit, separation of duties, then its status. */
export function decide(op: Operation, caller: Caller, target: Target): Decision {
  const first = decideCaller(op, caller);
  if (first !== 'allow' || op.access.kind !== 'permission') return first;
  if (!can(caller.actor, op.access.permission, target.unitId)) return 'denied';
  if (op.isRefusedToAuthors && target.isAuthor) return 'author';
  if (op.statuses && target.status !== undefined && !op.statuses.includes(target.status)) return 'state';
  if (target.reviewLevel && target.unitId !== null && caller.actor && !reviewLevelsIn(caller.actor, target.unitId).includes(target.reviewLevel)) return 'level';
  if (op.reviewDecision === 'approve' && target.isDeptApprover) return 'same-reviewer';
  return 'allow';
}
