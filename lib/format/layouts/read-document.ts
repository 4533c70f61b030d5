/**
 * One entry point for every file a unit may have: text (the Hebei disclosure layout first, then the
 * other text layouts), a saved web page, an XLSX or a DOCX. The reader is chosen by `format`, else the
 * file name's extension, else the bytes. Never throws: a refused or unreadable file is a problem.
 */
import { LIMITS } from '@/lib/domain/limits';
import { decodeText } from '@/lib/http/body';
import { MAX_PROBLEMS, parsePublished } from '@/lib/format/published/parse';
import type { PublishedDocument } from '@/lib/format/published/types';
import type { CellGrid } from './grid';
import { readHtml } from './read-html';
import { readText } from './read-text';
import { readDocx } from './read-docx';
import { readXlsx } from './read-xlsx';
import { recogniseGrids } from './recognise';
import { DocumentRefused } from './refusal';
import type { Overrides, TableRecognition } from './types';

export const DOCUMENT_FORMATS = ['txt', 'html', 'xlsx', 'docx'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export type ReadOptions = { fileName?: string; format?: DocumentFormat; overrides?: Overrides };

export type DocumentReading = PublishedDocument & {
  format: DocumentFormat;
  /** How each table was read, for the preview; empty for the Hebei disclosure layout, whose columns are fixed. */
  recognitions: TableRecognition[];
};

const EXTENSIONS: Record<string, DocumentFormat> = { txt: 'txt', text: 'txt', md: 'txt', csv: 'txt', html: 'html', htm: 'html', xhtml: 'html', mhtml: 'html', xlsx: 'xlsx', xlsm: 'xlsx', docx: 'docx' };

/** By extension, else by content: a zip with word/ is a DOCX, any other zip an XLSX; `<table` or `<html` is a web page. */
export function formatOf(bytes: Uint8Array, fileName?: string): DocumentFormat {
  const ext = /\.([A-Za-z0-9]{1,6})$/.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (ext && EXTENSIONS[ext]) return EXTENSIONS[ext]!;
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 64 * 1024))).toString('latin1');
    return head.includes('word/') ? 'docx' : 'xlsx';
  }
  const start = Buffer.from(bytes.subarray(0, 4096)).toString('latin1').toLowerCase();
  return /<(!doctype html|html|table|body)[\s>]/.test(start) ? 'html' : 'txt';
}

function empty(format: DocumentFormat, message: string): DocumentReading {
  return { format, unit: null, year: null, projectExpenditure: null, projects: [], mentions: [], problems: [{ line: null, table: null, message }], recognitions: [] };
}

/** Grids of a file, or the reason it was refused. */
export async function readGrids(bytes: Uint8Array, format: DocumentFormat): Promise<CellGrid[]> {
  switch (format) {
    case 'xlsx':
      return readXlsx(bytes);
    case 'docx':
      return readDocx(bytes);
    case 'html':
      return readHtml(decodeText(bytes));
    case 'txt':
      return readText(decodeText(bytes));
  }
}

/** Grids → the document, with the recogniser's report; pure, so a preview re-runs it with corrections. */
export function documentFromGrids(grids: readonly CellGrid[], format: DocumentFormat, overrides: Overrides = {}): DocumentReading {
  const r = recogniseGrids(grids, overrides);
  // As for the disclosure reader: a crafted file could yield a problem per table, so only the first are listed.
  const problems = r.problems.slice(0, MAX_PROBLEMS);
  if (r.problems.length > MAX_PROBLEMS) {
    problems.push({ line: null, table: null, message: `另有 ${r.problems.length - MAX_PROBLEMS} 个问题未列出（只列出前 ${MAX_PROBLEMS} 个）；请先修正上面的问题` });
  }
  if (r.recognitions.length === 0) {
    problems.push({ line: null, table: null, message: '没有找到绩效目标表：文件中没有同时列出“二级指标”“三级指标”和“指标值”的表头' });
  }
  return { format, unit: null, year: r.year, projectExpenditure: null, projects: r.projects, mentions: [], problems, recognitions: r.recognitions };
}

export async function readDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<DocumentReading> {
  const format = options.format ?? formatOf(bytes, options.fileName);
  if (bytes.length > LIMITS.uploadBytes) return empty(format, `文件有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过上限 ${LIMITS.uploadBytes / 1024 / 1024} MB`);
  try {
    if (format === 'txt') {
      const text = decodeText(bytes);
      const hebei = parsePublished(text);
      if (hebei.projects.length > 0) return { ...hebei, format, recognitions: [] };
      const other = documentFromGrids(readText(text), format, options.overrides);
      // Nothing in any layout: the disclosure reader's reasons come first, as they always have.
      if (other.recognitions.length === 0) return { ...hebei, format, recognitions: [], problems: [...hebei.problems, ...other.problems] };
      return other;
    }
    return documentFromGrids(await readGrids(bytes, format), format, options.overrides);
  } catch (error) {
    if (error instanceof DocumentRefused) return empty(format, error.message);
    return empty(format, `读取时出错：${error instanceof Error ? error.message : String(error)}`);
  }
}
