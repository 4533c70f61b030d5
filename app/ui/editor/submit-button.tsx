'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { submitTableAction } from '@/app/(staff)/projects/actions';

/** 提交审核 from the editor: only once what is on screen is saved; refusals (errors remain) are said here. */
export function SubmitButton({ projectId, version, isDirty }: { projectId: number; version: number | null; isDirty: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <>
      <button
        type="button"
        className="btn"
        disabled={isPending || isDirty || version === null}
        title={isDirty ? '请先保存修改，再提交审核' : undefined}
        onClick={() =>
          startTransition(async () => {
            setMessage(null);
            const r = await submitTableAction({ projectId, version: version! });
            if (r.ok) router.push(`/projects/${projectId}`);
            else setMessage(r.message);
          })
        }
      >
        提交审核
      </button>
      {message ? (
        <span className="field-error" role="alert">
          {message}
        </span>
      ) : null}
    </>
  );
}
