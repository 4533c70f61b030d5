import type { Metadata } from 'next';
import { requireAdminPage } from '../load';
import { ProvisionForm } from './provision-form';

export const metadata: Metadata = { title: '批量导入单位和用户' };

export default async function ProvisionPage() {
  await requireAdminPage();
  return (
    <>
      <h1>批量导入单位和用户</h1>
      <div className="card">
        <p style={{ marginTop: 0 }}>上传 XLSX 或 CSV 文件，第一行为表头：</p>
        <ul>
          <li>
            单位：<strong>单位编码、单位名称、上级单位编码</strong>（上级可在同一文件中、可在后面的行；留空为顶层）。
          </li>
          <li>
            用户：<strong>用户名、姓名、角色、初始密码</strong>。角色写作 <code>审核人:4410</code>、<code>编制人:441001(仅本单位)</code> 或 <code>管理员</code>，多个用分号隔开；初始密码留空则自动生成（只显示这一次）。新账户首次登录须修改密码。
          </li>
        </ul>
        <p className="muted" style={{ marginBottom: 0 }}>
          先预览：每一行将新建、修改还是不变，有错的行逐行列出。有错行时不会导入任何内容。重复导入同一文件不会改变任何数据；已有账户的密码和已有角色不受影响。
        </p>
      </div>
      <ProvisionForm />
    </>
  );
}
