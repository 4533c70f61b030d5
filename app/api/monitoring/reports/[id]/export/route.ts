import { reportSheets } from '@/lib/monitoring/export';
import { monitoringDownload } from '@/lib/monitoring/export-route';

/** One monitoring report as XLSX, PDF or JSON (?format=). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return monitoringDownload(request, (await params).id, reportSheets);
}
