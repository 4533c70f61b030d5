export type HeaderGetter = (name: string) => string | string[] | null | undefined;
export type OriginProblem = { status: 403; message: string };
export declare const CROSS_ORIGIN_MESSAGE: string;
export declare const SIMPLE_UPLOAD_MESSAGE: string;
export declare const UPLOAD_HEADER: 'x-requested-with';
export declare function ownHost(get: HeaderGetter): string | null;
export declare function crossOriginProblem(get: HeaderGetter): OriginProblem | null;
export declare function simpleUploadProblem(get: HeaderGetter): OriginProblem | null;
export declare function nodeHeaders(headers: Record<string, string | string[] | undefined>): HeaderGetter;
