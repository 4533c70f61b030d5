import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/request';
import type { TableInput } from '@/lib/domain/schemas';
import { unitYearFor } from '@/lib/projects/access';
import { DEFAULT_SCHEDULE } from '@/lib/projects/commands/copy-table';
import { ruleContextOf } from '@/lib/projects/findings';
import { TableEditor } from '@/app/ui/editor/table-editor';

export const metadata: Metadata = { title: '新建绩效目标表' };

export default async function NewTablePage({ searchParams }: { searchParams: Promise<{ uy?: string }> }) {
  await connection();
  const actor = await requireActor();
  const uy = Number((await searchParams).uy);
  let unitYear;
  try {
    unitYear = Number.isInteger(uy) && uy > 0 ? unitYearFor(actor, uy, 'project.create') : null;
  } catch {
    unitYear = null;
  }
  if (!unitYear) notFound();
  const ctx = ruleContextOf(unitYear);
  // Every category of the framework starts with one empty row, to fill in or mark as not applicable.
  const initial: TableInput = {
    code: '',
    name: '',
    budget: { total: '', fiscal: '', other: null },
    purpose: '',
    goal: '',
    schedule: DEFAULT_SCHEDULE.map((c) => ({ ...c })),
    indicators: ctx.framework.sections.flatMap((s) =>
      s.categories.map((c) => ({
        level1: s.name,
        level2: c.name,
        name: '',
        description: '',
        value: '',
        target: c.role === 'quantity' || c.role === 'cost' ? { kind: 'quantity' as const, op: c.role === 'cost' ? ('<=' as const) : ('>=' as const), number: 0, unit: c.role === 'cost' ? '万元' : '个' } : { kind: 'text' as const },
        basis: '',
        isPlaceholder: false,
      })),
    ),
  };
  return (
    <>
      <h1>新建绩效目标表 · {unitYear.year} 年度</h1>
      <TableEditor
        mode="create"
        unitYearId={unitYear.id}
        projectId={null}
        version={null}
        initial={initial}
        framework={ctx.framework}
        year={ctx.year}
        profile={ctx.profile}
        comments={[]}
      />
    </>
  );
}
