/**
 * 绩效目标 is stored as printed (`1. …2. …`); the editor shows it as a numbered list. Splitting follows
 * the numbering 1, 2, 3… so a stray "1." inside a goal (`1. 1. 进一步…`) stays part of its text, and a
 * point followed by a digit is a decimal (`提高 2.5 个百分点`), not the start of item 2.
 */
const MARK = String.raw`\s*(?:[.．](?!\d)|、)\s*`;

export function splitGoals(text: string): string[] {
  const t = text.trim();
  if (!t) return [''];
  const first = new RegExp(`^1${MARK}`).exec(t);
  if (!first) return [t];
  const items: string[] = [];
  let start = first[0].length;
  for (let n = 2; ; n++) {
    const re = new RegExp(`(^|[\\s。；;！!？?])${n}${MARK}`, 'g');
    re.lastIndex = start;
    const m = re.exec(t);
    if (!m) break;
    const end = m.index + m[1]!.length;
    items.push(t.slice(start, end).trim());
    start = m.index + m[0].length;
  }
  items.push(t.slice(start).trim());
  return items;
}

export function joinGoals(items: readonly string[]): string {
  const kept = items.map((s) => s.trim()).filter((s) => s !== '');
  if (kept.length === 0) return '';
  return kept.map((g, i) => `${i + 1}. ${g}`).join('');
}
