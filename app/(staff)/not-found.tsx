import { STAFF_NOT_FOUND_LINKS } from '@/lib/format/not-found';

/** A staff page that finds no table (or one the user may not see): inside the staff layout. */
export default function StaffNotFound() {
  return (
    <div className="card">
      <h1>页面不存在</h1>
      <p>你要找的表不存在，或者你没有查看它的权限。</p>
      <ul>
        {STAFF_NOT_FOUND_LINKS.map((l) => (
          <li key={l.href}>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
