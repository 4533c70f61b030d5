import { reportSheets } from '@/lib/monitoring/export';
import { monitoringDownloadRoute } from '@/lib/monitoring/export-route';

/** One monitoring report as XLSX, PDF or JSON (?format=). */
export const GET = monitoringDownloadRoute(reportSheets);
