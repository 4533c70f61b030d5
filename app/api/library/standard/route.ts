import { checkRoute } from '@/lib/auth/route-access';
import { standardLibraryXlsx } from '@/lib/library/standard-xlsx';

/** The standard library as XLSX (管理 › 指标库): the same columns the import reads. */
export async function GET(): Promise<Response> {
  const gate = await checkRoute('GET /api/library/standard');
  if (!gate.ok) return gate.response;
  const bytes = await standardLibraryXlsx();
  return new Response(Buffer.from(bytes), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="standard-library.xlsx"; filename*=UTF-8''${encodeURIComponent('标准指标库.xlsx')}`,
      'cache-control': 'no-store',
    },
  });
}
