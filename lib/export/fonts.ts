/** The CJK font shipped by an npm package, so PDFs work after `npm install` on any machine. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';

const FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

const cache = new Map<keyof typeof FILES, Buffer>();

/** From the app's folder first (the server's bundle may live elsewhere), then from this module. */
function resolve(file: string): string {
  const bases = [path.join(process.cwd(), 'package.json'), import.meta.url];
  for (const base of bases) {
    try {
      return createRequire(base).resolve(file);
    } catch {
      // Not found from this base: try the next.
    }
  }
  throw new Error(`找不到 PDF 字体文件 ${file}（请先运行 npm install）`);
}

/** The font file's bytes, read once per process. */
export function fontBuffer(kind: keyof typeof FILES): Buffer {
  let buf = cache.get(kind);
  if (!buf) {
    // The path is found at run time from node_modules; tracing it would pull the whole project into the build.
    buf = fs.readFileSync(/*turbopackIgnore: true*/ resolve(FILES[kind]));
    cache.set(kind, buf);
  }
  return buf;
}

/** A parsed font as pdfkit's registerFont accepts it (anything with fontkit's `layout`). */
export type ParsedFont = { layout: (text: string) => unknown };

const parsed = new Map<keyof typeof FILES, ParsedFont>();

/**
 * The font parsed once per process and shared by every PDF: parsing and warming up the 10 MB font's
 * tables costs more than drawing a small table, and each document makes its own subset from it anyway.
 * pdfkit parses with fontkit, which this app does not depend on directly, so a throwaway document
 * does the parsing.
 */
export function parsedFont(kind: keyof typeof FILES): ParsedFont {
  let font = parsed.get(kind);
  if (!font) {
    const doc = new PDFDocument({ autoFirstPage: false });
    doc.registerFont(kind, fontBuffer(kind));
    doc.font(kind);
    font = (doc as unknown as { _font: { font: ParsedFont } })._font.font;
    parsed.set(kind, font);
  }
  return font;
}
