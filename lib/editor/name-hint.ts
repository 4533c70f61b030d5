/**
 * The hint inside an empty 三级指标 field. For 满意度 it asks whose satisfaction: 服务对象满意度 is the
 * framework's own wording and not reported (docs/rules.md), but naming the people surveyed (参训人员、
 * 受补助人群) tells the self-evaluation whom to ask — said where it is written, not as a warning.
 */
import type { CategoryRole } from '@/lib/domain/framework';

const HINTS: Partial<Record<CategoryRole, string>> = {
  satisfaction: '三级指标，如“参训人员满意度”：写明谁的满意度',
};

export function nameHint(role: CategoryRole | null): string {
  return (role && HINTS[role]) ?? '三级指标';
}
