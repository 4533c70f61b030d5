import 'server-only';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import type { Actor } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/request';
import { tableTabTitle, type TablePage } from '@/lib/format/tab-title';
import { projectView, type ProjectView } from '@/lib/projects/overview';
import { parseId } from '@/lib/http/params';

/**
 * Read once per request by id: a page's generateMetadata (the tab title) and the page itself both ask
 * for the table, and React's cache lets the second ask reuse the first's answer.
 */
const loadById = cache(async (id: number): Promise<{ actor: Actor; view: ProjectView }> => {
  await connection();
  const actor = await requireActor();
  const view = await projectView(actor, id);
  if (!view) notFound();
  return { actor, view };
});

/** What every table page starts with: a signed-in actor and a table they may see, or 404. */
export async function loadProjectPage(params: Promise<{ id: string }>): Promise<{ actor: Actor; view: ProjectView }> {
  const id = parseId((await params).id);
  if (!id) notFound();
  return loadById(id);
}

/** The tab title of one of a table's pages: its number and name (see lib/format/tab-title.ts). */
export async function tableMetadata(params: Promise<{ id: string }>, page: TablePage): Promise<Metadata> {
  const { view } = await loadProjectPage(params);
  return { title: tableTabTitle(page, view.printedNumber, view.project.name) };
}
