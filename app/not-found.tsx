import { PUBLIC_NOT_FOUND_LINKS } from '@/lib/format/not-found';

/** Any unknown address, seen by anyone: it leads to public pages only (see lib/format/not-found.ts). */
export default function NotFound() {
  return (
    <main className="page">
      <div className="card">
        <h1>页面不存在</h1>
        <p>你要找的页面不存在，或者已经移除。</p>
        <ul>
          {PUBLIC_NOT_FOUND_LINKS.map((l) => (
            <li key={l.href}>
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
        </ul>
      </div>
    </main>
  );
}
