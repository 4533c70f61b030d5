/** The one shape every server action returns. */
export type FieldErrors = Record<string, string[]>;

export type ActionFailure = {
  ok: false;
  /** `unavailable`: the database could not be reached; the same request may simply be sent again. */
  code: 'unauthenticated' | 'denied' | 'invalid' | 'not-found' | 'conflict' | 'state' | 'unavailable' | 'error';
  message: string;
  fieldErrors: FieldErrors;
  /** Extra facts for the UI, e.g. who changed a table in a conflict. */
  detail?: Record<string, string | number | null>;
};

export type ActionResult<T> = { ok: true; data: T } | ActionFailure;
