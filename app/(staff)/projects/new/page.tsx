import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/request';
import { blankTable } from '@/lib/editor/draft';
import { learnedDefaultsFor } from '@/lib/library/defaults';
import { unitYearFor } from '@/lib/projects/access';
import { ruleContextOf } from '@/lib/projects/findings';
import { newRowKey } from '@/lib/projects/mapping';
import { TableEditor } from '@/app/ui/editor/table-editor';
import { parseId } from '@/lib/http/params';

export const metadata: Metadata = { title: '新建绩效目标表' };

export default async function NewTablePage({ searchParams }: { searchParams: Promise<{ uy?: string }> }) {
  await connection();
  const actor = await requireActor();
  const uy = parseId((await searchParams).uy);
  let unitYear;
  try {
    unitYear = uy ? await unitYearFor(actor, uy, 'project.create') : null;
  } catch {
    unitYear = null;
  }
  if (!unitYear) notFound();
  const ctx = await ruleContextOf(unitYear);
  const learned = await learnedDefaultsFor(ctx.framework);
  const initial = blankTable(ctx.framework, newRowKey, learned);
  return (
    <>
      <h1>新建绩效目标表 · {unitYear.year} 年度</h1>
      <TableEditor
        unitYearId={unitYear.id}
        projectId={null}
        version={null}
        initial={initial}
        username={actor.username}
        framework={ctx.framework}
        year={ctx.year}
        profile={ctx.profile}
        comments={[]}
        learnedDefaults={learned}
      />
    </>
  );
}
