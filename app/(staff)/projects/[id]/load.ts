import 'server-only';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import type { Actor } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/request';
import { projectView, type ProjectView } from '@/lib/projects/overview';

/** What every table page starts with: a signed-in actor and a table they may see, or 404. */
export async function loadProjectPage(params: Promise<{ id: string }>): Promise<{ actor: Actor; view: ProjectView }> {
  await connection();
  const actor = await requireActor();
  const id = Number((await params).id);
  const view = Number.isInteger(id) && id > 0 ? await projectView(actor, id) : null;
  if (!view) notFound();
  return { actor, view };
}
