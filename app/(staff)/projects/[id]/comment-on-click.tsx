'use client';

import type { ReactNode } from 'react';

export const COMMENT_ON_EVENT = 'pt:comment-on';

/**
 * Around the rendered table: clicking a row or a field (marked `data-comment-target` by PublishedTable)
 * points the comment form at it, so a reviewer comments where they read. The form's own select stays the
 * keyboard way to the same place.
 */
export function CommentOnClick({ children }: { children: ReactNode }) {
  return (
    <div
      onClick={(e) => {
        if (e.target instanceof Element && e.target.closest('a, button, input, textarea, select')) return;
        const target = e.target instanceof Element ? e.target.closest('[data-comment-target]')?.getAttribute('data-comment-target') : null;
        if (target) window.dispatchEvent(new CustomEvent(COMMENT_ON_EVENT, { detail: target }));
      }}
    >
      {children}
    </div>
  );
}
