import 'server-only';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { can, type Actor } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/request';

/** Administration pages: signed in and an administrator, or 404 (the pages' existence is not shown). */
export async function requireAdminPage(): Promise<Actor> {
  await connection();
  const actor = await requireActor();
  if (!can(actor, 'admin.manage', null)) notFound();
  return actor;
}
