/**
 * Opening an XLSX or DOCX (a zip) without trusting it. The central directory's sizes are read first
 * (fflate, with a filter that inflates nothing) and checked against the limits; only then are the
 * wanted entries inflated, each into a buffer of its declared size, so an entry that lies about its
 * size is cut short (and then fails to parse) instead of filling memory.
 */
import { unzipSync, zipSync } from 'fflate';
import { LIMITS } from '@/lib/domain/limits';
import { DocumentRefused, refuse } from './refusal';

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

type Entry = { name: string; size: number; originalSize: number };

export function zipEntries(bytes: Uint8Array, what: string): Entry[] {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) refuse(`这不是有效的 ${what} 文件（不是 zip 压缩包）`);
  const entries: Entry[] = [];
  try {
    unzipSync(bytes, {
      filter(f) {
        if (entries.length >= LIMITS.zipEntries) refuse(`${what} 文件中的条目超过 ${LIMITS.zipEntries} 个，拒绝读取`);
        entries.push({ name: f.name, size: f.size, originalSize: f.originalSize });
        return false;
      },
    });
  } catch (error) {
    if (error instanceof DocumentRefused) throw error;
    refuse(`${what} 文件已损坏，无法打开（压缩包目录不可读）`);
  }
  const total = entries.reduce((s, e) => s + e.originalSize, 0);
  if (total > LIMITS.zipUncompressedBytes) {
    refuse(`${what} 文件解压后有 ${MB(total)}，超过上限 ${MB(LIMITS.zipUncompressedBytes)}，拒绝读取（可能是压缩炸弹）`);
  }
  const bomb = entries.find((e) => e.originalSize > 1024 * 1024 && e.originalSize > e.size * LIMITS.zipRatio);
  if (bomb) refuse(`${what} 文件中的“${bomb.name}”压缩比异常（${MB(bomb.originalSize)} 压成 ${Math.max(1, Math.round(bomb.size / 1024))} KB），拒绝读取（可能是压缩炸弹）`);
  return entries;
}

/** The wanted entries, inflated after the directory passed the limits. */
export function unzipBounded(bytes: Uint8Array, what: string, wanted: (name: string) => boolean): Record<string, Uint8Array> {
  zipEntries(bytes, what);
  try {
    return unzipSync(bytes, { filter: (f) => wanted(f.name) });
  } catch {
    return refuse(`${what} 文件已损坏，无法解压`);
  }
}

/** The checked entries packed again without compression, for a library that opens the zip itself. */
export function rezip(entries: Record<string, Uint8Array>): Uint8Array {
  return zipSync(entries, { level: 0 });
}
