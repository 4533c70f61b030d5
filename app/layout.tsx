import type { Metadata } from 'next';
import './globals.css';

export const metadata: Metadata = {
  title: { default: '绩效目标管理', template: '%s · 绩效目标管理' },
  description: '单位项目支出绩效目标表的编制、审核与公开',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
