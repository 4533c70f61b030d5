import type { Metadata } from 'next';
import { requireAdminPage } from '@/app/(staff)/admin/load';
import { openableSelfEvalYears } from '@/lib/selfeval/page';
import { OpenSelfEvalForm } from './open-form';

export const metadata: Metadata = { title: '开启绩效自评' };

export default async function OpenSelfEvalPage() {
  await requireAdminPage();
  const unitYears = await openableSelfEvalYears();
  return (
    <>
      <h1>开启绩效自评</h1>
      <p className="muted">
        年度结束后开启。所选年度中每一张已审核的绩效目标表都会生成一张自评表（草稿），按执行中的指标值和最近一次监控的数据预填，分值按默认权重分配，由编制人填写实际完成值。
      </p>
      <OpenSelfEvalForm
        unitYears={unitYears.map((u) => ({ id: u.id, label: `${u.label}${u.isOpen ? '（已开启）' : u.isCurrent ? '（年度尚未结束）' : ''}`, isOpen: u.isOpen }))}
      />
    </>
  );
}
