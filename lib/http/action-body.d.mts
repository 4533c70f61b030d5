import type { IncomingMessage, ServerResponse } from 'node:http';

export type ActionBodyProblem = { status: 400 | 413; message: string };
export declare const ACTION_BODY_LIMIT: number;
export declare function actionBodyProblem(contentType: string | undefined, bytes: Uint8Array): Promise<ActionBodyProblem | null>;
export declare function formBodyProblem(contentType: string | undefined, bytes: Uint8Array): Promise<ActionBodyProblem | null>;
export declare function checkedActionRequest(req: IncomingMessage, res: ServerResponse): Promise<IncomingMessage | null>;
