/**
 * A read route whose database cannot be reached right now (PostgreSQL restarting, a failover) answers
 * 503 with a Chinese reason and Retry-After, instead of an empty 500: clients and monitors can tell
 * “try again shortly” from a fault.
 */
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/db/client';

export const RETRY_AFTER_SECONDS = 5;

export function unavailableResponse(): Response {
  return new Response(JSON.stringify({ ok: false, code: 'unavailable', message: DATABASE_UNAVAILABLE_MESSAGE }), {
    status: 503,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'retry-after': String(RETRY_AFTER_SECONDS) },
  });
}

export function answeringUnavailable<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (isDatabaseUnavailable(error)) return unavailableResponse();
      throw error;
    }
  };
}
