import 'server-only';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import type { Actor } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/request';
import { projectView, type ProjectView } from '@/lib/projects/overview';
import { parseId } from '@/lib/http/params';

/** What every table page starts with: a signed-in actor and a table they may see, or 404. */
export async function loadProjectPage(params: Promise<{ id: string }>): Promise<{ actor: Actor; view: ProjectView }> {
  await connection();
  const actor = await requireActor();
  const id = parseId((await params).id);
  const view = id ? await projectView(actor, id) : null;
  if (!view) notFound();
  return { actor, view };
}
