/** The administration page's list of library entries (管理 › 指标库). */
import { listForCuration, type CurationRow } from '@/db/queries/library-curation';
import { curationQuery } from './schemas';

export type { CurationRow };
export const CURATION_PAGE_SIZE = 50;

export async function curationList(params: Record<string, string | string[] | undefined>) {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const query = curationQuery.parse({ q: one(params.q) ?? '', show: one(params.show), page: one(params.page) });
  const { rows, total } = await listForCuration({ q: query.q, show: query.show, page: query.page, pageSize: CURATION_PAGE_SIZE });
  return { query, rows, total, pages: Math.max(1, Math.ceil(total / CURATION_PAGE_SIZE)) };
}
