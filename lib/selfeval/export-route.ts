/** The 自评表 download routes (lib/http/sheets-download.ts). */
import type { Actor } from '@/lib/auth/permissions';
import { sheetsDownloadRoute } from '@/lib/http/sheets-download';
import { renderSelfEvalExport, selfEvalFormat, type SelfEvalExport } from './export';

export function selfEvalDownloadRoute(load: (actor: Actor, id: number) => Promise<SelfEvalExport | null>) {
  return sheetsDownloadRoute({ load, format: selfEvalFormat, refused: '没有权限导出此自评表，或它不存在', render: renderSelfEvalExport });
}
