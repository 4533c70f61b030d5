import type { Metadata } from 'next';
import Link from 'next/link';

import { requireAdminPage } from './load';

export const metadata: Metadata = { title: '管理' };

export default async function AdminPage() {
  await requireAdminPage();
  return (
    <>
      <h1>管理</h1>
      <div className="card">
        <ul style={{ margin: 0, paddingLeft: 20, lineHeight: 2 }}>
          <li>
            <Link href="/admin/units">单位与预算年度</Link>：单位、年度所用指标体系、项目支出、检查规则配置
          </li>
          <li>
            <Link href="/admin/tree">单位层级</Link>：上级单位与下级单位（角色覆盖下级单位）；<Link href="/admin/provision">批量导入</Link>单位和用户（XLSX/CSV）
          </li>
          <li>
            <Link href="/admin/users">用户与权限</Link>：创建账户、停用、重置密码、分配单位角色（编制人/审核人）
          </li>
          <li>
            <Link href="/admin/library">指标库</Link>：合并近似重复的指标、停用指标、导入导出标准指标库（XLSX）
          </li>
          <li>
            <Link href="/admin/audit">审计日志</Link>：全部登录、修改与流程操作记录（只读）
          </li>
          <li>
            <Link href="/admin/health">运行状态</Link>：数据库与服务器操作是否正常
          </li>
        </ul>
      </div>
    </>
  );
}
