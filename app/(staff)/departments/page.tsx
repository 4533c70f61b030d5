import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/request';
import { visibleDepartments } from '@/lib/departments/rollup';

export const metadata: Metadata = { title: '部门汇总' };

export default async function DepartmentsPage() {
  await connection();
  const actor = await requireActor();
  const departments = await visibleDepartments(actor);
  return (
    <>
      <h1>部门汇总</h1>
      {departments.length === 0 ? (
        <p className="muted">没有可查看的部门（有下级单位的单位）。</p>
      ) : (
        <ul className="card" style={{ lineHeight: 2 }}>
          {departments.map((d) => (
            <li key={d.id}>
              <Link href={`/departments/${d.id}`}>
                {d.code} {d.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
