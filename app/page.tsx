import { redirect } from 'next/navigation';
import { readSession } from '@/lib/auth/request';
import { landsOnTasks } from '@/lib/tasks/read';

/** Home: a reviewer lands on 我的待办, everyone else on the project list (which links to theirs). */
export default async function Home() {
  const session = await readSession();
  redirect(session && !session.mustChangePassword && landsOnTasks(session.actor) ? '/tasks' : '/projects');
}
