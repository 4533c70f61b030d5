import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/request';
import { LIMITS } from '@/lib/domain/limits';
import { canSeeUnitYear } from '@/lib/projects/list';
import { ImportForm } from './import-form';
import { parseId } from '@/lib/http/params';

export const metadata: Metadata = { title: '导入公开文本' };

export default async function ImportPage({ searchParams }: { searchParams: Promise<{ uy?: string }> }) {
  await connection();
  const actor = await requireActor();
  const uy = parseId((await searchParams).uy);
  const target = uy ? await canSeeUnitYear(actor, uy) : null;
  return (
    <>
      <p className="muted" style={{ margin: '0 0 4px' }}>
        <Link href={target ? `/projects?uy=${target.id}` : '/projects'}>← 返回项目列表</Link>
      </p>
      <h1>导入公开文本</h1>
      <div className="card">
        <p style={{ marginTop: 0 }}>
          上传单位预算公开文件（PDF 转换得到的文本文件，UTF-8 或 GB18030 编码）、保存的网页（.html）、Excel（.xlsx）或 Word（.docx）申报表，不超过 {LIMITS.uploadBytes / 1024 / 1024} MB。其他版式的表会逐表列出每列的读法和读取不确定的单元格，可在预览中更正；表中没有项目编码的，需在预览中填写。
          系统会读出其中“单位项目预算安排情况及绩效目标”部分的全部绩效目标表，先给出预览：找到哪些表、每张表的行数和检查结果、
          将新建、更新还是无变化；确认后才写入。按项目编码匹配，重复导入同一文件不会重复；只更新草稿，已提交、已退回和已审核的表不会被覆盖；
          读取时发现问题（例如表可能不完整）的表不会覆盖库中的草稿，除非核对后选择强制覆盖。将更新库中草稿的表会列出与草稿的差别，并提醒导入后在应用中修改过的草稿；须逐表勾选“覆盖草稿”才能导入。本年度已有的项目支出不会被导入修改。
        </p>
        <ImportForm unitCode={target?.unitCode ?? ''} year={target?.year ?? null} />
      </div>
    </>
  );
}
