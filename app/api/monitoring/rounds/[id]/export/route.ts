import { roundSheets } from '@/lib/monitoring/export';
import { monitoringDownloadRoute } from '@/lib/monitoring/export-route';

/** Every monitoring report of a unit-year's round as XLSX, PDF or JSON (?format=). */
export const GET = monitoringDownloadRoute(roundSheets);
