'use client';

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="page">
      <div className="card">
        <h1>出错了</h1>
        <p>页面处理时出错，已记录。请稍后重试；如果问题持续，请联系管理员。</p>
        <button className="btn" type="button" onClick={reset}>
          重试
        </button>
      </div>
    </main>
  );
}
