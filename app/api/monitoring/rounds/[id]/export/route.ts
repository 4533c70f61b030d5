import { roundSheets } from '@/lib/monitoring/export';
import { monitoringDownload } from '@/lib/monitoring/export-route';

/** Every monitoring report of a unit-year's round as XLSX, PDF or JSON (?format=). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return monitoringDownload(request, (await params).id, roundSheets);
}
