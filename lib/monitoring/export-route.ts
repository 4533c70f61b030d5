/** The monitoring download routes (lib/http/sheets-download.ts). */
import type { Actor } from '@/lib/auth/permissions';
import { sheetsDownloadRoute } from '@/lib/http/sheets-download';
import { monitoringFormat, renderSheets, type MonitoringExport } from './export';

export function monitoringDownloadRoute(load: (actor: Actor, id: number) => Promise<MonitoringExport | null>) {
  return sheetsDownloadRoute({ load, format: monitoringFormat, refused: '没有权限导出此监控表，或它不存在', render: renderSheets });
}
