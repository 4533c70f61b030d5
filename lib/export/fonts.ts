/** The CJK font shipped by an npm package, so PDFs work after `npm install` on any machine. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

const cache = new Map<keyof typeof FILES, Buffer>();

function resolve(file: string): string {
  try {
    return createRequire(path.join(process.cwd(), 'package.json')).resolve(file);
  } catch {
    return path.join(process.cwd(), 'node_modules', file);
  }
}

/** The font file's bytes, read once per process. */
export function fontBuffer(kind: keyof typeof FILES): Buffer {
  let buf = cache.get(kind);
  if (!buf) {
    buf = fs.readFileSync(resolve(FILES[kind]));
    cache.set(kind, buf);
  }
  return buf;
}
