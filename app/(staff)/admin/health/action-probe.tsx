'use client';

import { useState } from 'react';
import { noopAction } from '@/app/(staff)/projects/actions';

/** Times one round trip to a server action that does nothing (also the benchmark's floor). */
export function ActionProbe() {
  const [result, setResult] = useState<string | null>(null);
  return (
    <p className="row">
      <button
        type="button"
        className="btn"
        onClick={async () => {
          const t = performance.now();
          try {
            await noopAction();
            setResult(`正常，往返 ${Math.round(performance.now() - t)} ms`);
          } catch {
            setResult('失败');
          }
        }}
      >
        测试服务器操作
      </button>
      <span aria-live="polite">{result}</span>
    </p>
  );
}
