export default function NotFound() {
  return (
    <main className="page">
      <div className="card">
        <h1>页面不存在</h1>
        <p>你要找的页面不存在，或者你没有查看它的权限。</p>
        <p>
          <a href="/projects">返回项目列表</a>
        </p>
      </div>
    </main>
  );
}
