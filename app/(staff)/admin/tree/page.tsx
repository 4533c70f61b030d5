import type { Metadata } from 'next';
import Link from 'next/link';
import { unitTree } from '@/lib/departments/read';
import { requireAdminPage } from '../load';
import { MoveUnitForm } from './move-form';

export const metadata: Metadata = { title: '单位层级' };

export default async function UnitTreePage() {
  const actor = await requireAdminPage();
  const rows = await unitTree(actor);
  const options = rows.map((r) => ({ id: r.id, label: `${'　'.repeat(r.depth)}${r.code} ${r.name}` }));
  return (
    <>
      <h1>单位层级</h1>
      <p className="muted">
        单位可以有上级单位（财政局 → 主管部门 → 本级、下属单位），层级不限。在某单位授予的角色覆盖它的全部下级单位（授予时选“仅本单位”的除外）。
        批量新增单位和用户请用<Link href="/admin/provision">批量导入</Link>。
      </p>
      {rows.length > 0 ? (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>调整上级单位</h2>
          <MoveUnitForm units={options} />
        </section>
      ) : null}
      {rows.length === 0 ? (
        <p className="muted">还没有单位。</p>
      ) : (
        <table className="grid" aria-label="单位层级">
          <thead>
            <tr>
              <th>单位</th>
              <th className="num">直属下级</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td style={{ paddingLeft: `${0.5 + r.depth * 1.5}rem` }}>
                  {r.depth > 0 ? <span aria-hidden="true">└ </span> : null}
                  <span className="sr-only">{r.depth > 0 ? `第 ${r.depth + 1} 级：` : '顶层：'}</span>
                  {r.code} {r.name}
                </td>
                <td className="num">{r.childCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
