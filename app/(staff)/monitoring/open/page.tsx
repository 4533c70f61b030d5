import type { Metadata } from 'next';
import { requireAdminPage } from '@/app/(staff)/admin/load';
import { openableUnitYears } from '@/lib/monitoring/dashboard';
import { OpenRoundsForm } from './open-form';

export const metadata: Metadata = { title: '开启绩效运行监控' };

export default async function OpenRoundsPage() {
  await requireAdminPage();
  const unitYears = await openableUnitYears();
  return (
    <>
      <h1>开启绩效运行监控</h1>
      <p className="muted">所选年度中每一张已审核的绩效目标表都会生成一张监控表（草稿），由编制人填写 1–X月的执行情况。</p>
      <OpenRoundsForm unitYears={unitYears.map((u) => ({ id: u.id, label: `${u.unitCode} ${u.unitName} ${u.year} 年` }))} />
    </>
  );
}
