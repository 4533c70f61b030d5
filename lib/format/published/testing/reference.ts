import fs from 'node:fs';
import path from 'node:path';

export function referenceText(): string {
  return fs.readFileSync(path.join(process.cwd(), 'lib', 'demo', 'reference-441001-2024.txt'), 'utf8');
}
