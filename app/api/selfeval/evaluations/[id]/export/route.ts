import { oneSelfEvalExport } from '@/lib/selfeval/export';
import { selfEvalDownloadRoute } from '@/lib/selfeval/export-route';

/** One 自评表 as XLSX, PDF or JSON (?format=). */
export const GET = selfEvalDownloadRoute(oneSelfEvalExport);
