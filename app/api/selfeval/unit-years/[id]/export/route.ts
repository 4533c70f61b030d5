import { unitYearSelfEvalExport } from '@/lib/selfeval/export';
import { selfEvalDownloadRoute } from '@/lib/selfeval/export-route';

/** Every 自评表 of a unit-year's self-evaluation round as XLSX, PDF or JSON (?format=). */
export const GET = selfEvalDownloadRoute(unitYearSelfEvalExport);
