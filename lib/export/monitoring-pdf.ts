/**
 * The monitoring table as PDF (A4 landscape), one report after another. Lights are printed as a word
 * (红/黄/绿/蓝) in a coloured cell, so they survive black-and-white printing. Data in, bytes out.
 */
import PDFDocument from 'pdfkit';
import type { ReportSheet } from '@/lib/monitoring/export-model';
import { parsedFont } from './fonts';

type Doc = PDFKit.PDFDocument;

const PAGE = { width: 841.89, height: 595.28, margin: 30 };
const SIZE = 8;
const PAD = 3;
const FILL: Record<string, string> = { red: '#f4c7c3', yellow: '#fff2cc', green: '#d9ead3', blue: '#cfe2f3' };

type Cell = { text: string; span?: number; bold?: boolean; light?: string };

/** Draws a row of cells across the page's width split in `columns` equal-ish parts; breaks the page first if needed. */
function drawRow(doc: Doc, widths: readonly number[], cells: readonly Cell[]): void {
  const spans: { x: number; w: number; cell: Cell }[] = [];
  let x = PAGE.margin;
  let col = 0;
  for (const cell of cells) {
    const n = cell.span ?? 1;
    const w = widths.slice(col, col + n).reduce((a, b) => a + b, 0);
    spans.push({ x, w, cell });
    x += w;
    col += n;
  }
  const height = Math.max(
    SIZE + 2 * PAD + 2,
    ...spans.map((s) => doc.font(s.cell.bold ? 'cjk-bold' : 'cjk').fontSize(SIZE).heightOfString(s.cell.text || ' ', { width: s.w - 2 * PAD }) + 2 * PAD),
  );
  if (doc.y + height > PAGE.height - PAGE.margin) doc.addPage();
  const y = doc.y;
  for (const s of spans) {
    const fill = s.cell.light ? FILL[s.cell.light] : undefined;
    if (fill) doc.rect(s.x, y, s.w, height).fill(fill);
    doc.rect(s.x, y, s.w, height).lineWidth(0.5).stroke('#000000');
    doc.fillColor('#000000').font(s.cell.bold ? 'cjk-bold' : 'cjk').fontSize(SIZE).text(s.cell.text, s.x + PAD, y + PAD, { width: s.w - 2 * PAD });
  }
  doc.y = y + height;
  doc.x = PAGE.margin;
}

const WIDTHS = [60, 62, 96, 70, 86, 34, 52, 80, 110, 60, 71];

function drawSheet(doc: Doc, s: ReportSheet): void {
  doc.font('cjk-bold').fontSize(13).text(`项目支出绩效目标执行监控表（${s.year} 年 1–${s.month}月）`, PAGE.margin, doc.y, { width: PAGE.width - 2 * PAGE.margin, align: 'center' });
  doc.moveDown(0.4);
  const row = (cells: Cell[]) => drawRow(doc, WIDTHS, cells);
  row([{ text: '项目名称', bold: true }, { text: s.name, span: 3 }, { text: '项目编码', bold: true }, { text: s.code, span: 2 }, { text: '实施单位', bold: true }, { text: s.unitName }, { text: '本表预警', bold: true }, { text: s.lightWord, light: s.light }]);
  row([
    { text: '项目资金（万元）', bold: true },
    { text: '年初预算数', bold: true },
    { text: '全年预算数', bold: true },
    { text: `1–${s.month}月执行数`, bold: true },
    { text: `1–${s.month}月执行率`, bold: true },
    { text: '序时进度', bold: true, span: 2 },
    { text: '全年预计执行数', bold: true },
    { text: '资金预警 · 执行进度', bold: true, span: 3 },
  ]);
  const f = s.funds;
  row([{ text: '年度资金总额' }, { text: f.initial }, { text: f.budget }, { text: f.executed }, { text: f.rate }, { text: f.pace, span: 2 }, { text: f.forecast }, { text: `${f.lightWord}  ${f.progress}`, light: f.light, span: 3 }]);
  row([{ text: '全年预期目标', bold: true }, { text: s.goal, span: 4 }, { text: '目标实际累计完成情况', bold: true, span: 2 }, { text: s.goalProgress, span: 4 }]);
  row(['一级指标', '二级指标', '三级指标', s.isAdjusted ? '年度指标值（调整后）' : '年度指标值', `1–${s.month}月执行情况`, '预警', '执行进度', '全年预计完成情况', '偏差原因分析', '完成目标可能性', '备注'].map((text) => ({ text, bold: true })));
  for (const r of s.rows) {
    row([
      { text: r.level1 },
      { text: r.level2 },
      { text: r.name },
      // An adjusted row prints 调整后 with 调整前 beneath it.
      { text: r.originalValue === null ? r.value : `${r.value}\n（调整前 ${r.originalValue}）` },
      { text: r.actual },
      { text: r.lightWord, light: r.light },
      { text: r.progress },
      { text: r.forecast },
      { text: r.reasons },
      { text: r.likelihood },
      { text: r.note },
    ]);
  }
  row([{ text: '偏差情况及存在问题', bold: true }, { text: s.analysis, span: 10 }]);
  row([{ text: '是否需要整改', bold: true }, { text: s.needsRectification ? '是' : '否' }, { text: '整改措施', bold: true }, { text: s.rectification, span: 6 }, { text: '状态', bold: true }, { text: s.status }]);
}

export function monitoringPdf(sheets: readonly ReportSheet[]): Promise<Buffer> {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
    autoFirstPage: false,
    info: { Title: '项目支出绩效目标执行监控表', CreationDate: Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date(Date.UTC(2000, 0, 1)) },
  });
  doc.registerFont('cjk', parsedFont('regular') as unknown as Buffer);
  doc.registerFont('cjk-bold', parsedFont('bold') as unknown as Buffer);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  if (sheets.length === 0) doc.addPage();
  for (const s of sheets) {
    doc.addPage();
    drawSheet(doc, s);
  }
  doc.end();
  return done;
}
