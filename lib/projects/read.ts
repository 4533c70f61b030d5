import { getProjectBundle, getProjectBundles } from '@/db/queries/projects';
import type { ProjectRow } from '@/db/schema';
import type { TargetTable } from '@/lib/domain/table';
import { bundleToTable } from './mapping';

export async function loadTable(projectId: number): Promise<{ project: ProjectRow; table: TargetTable } | null> {
  const bundle = await getProjectBundle(projectId);
  return bundle ? { project: bundle.project, table: bundleToTable(bundle) } : null;
}

/** Many tables in a constant number of queries, in the order of `ids`. */
export async function loadTables(ids: readonly number[]): Promise<{ project: ProjectRow; table: TargetTable }[]> {
  return (await getProjectBundles(ids)).map((b) => ({ project: b.project, table: bundleToTable(b) }));
}
