/** Document-level facts: the unit, the year, its 项目支出, and projects named in the budget narrative. */
import { normaliseWanyuan } from '@/lib/domain/money';
import type { UnitRef } from '@/lib/domain/table';
import { nonEmpty, squash, type Line } from './lines';
import type { NarrativeMention } from './types';

export function readUnit(lines: readonly Line[]): UnitRef | null {
  for (const line of lines) {
    const m = /^\s*(\d{6})\s+([^\t\d][^\t]{1,80}?)\s*$/.exec(line.text);
    if (m && /[\u4e00-\u9fa5]/.test(m[2]!)) return { code: m[1]!, name: m[2]! };
  }
  return null;
}

export function readYear(lines: readonly Line[]): number | null {
  for (const line of lines) {
    const m = /预算年度[:：]\s*(\d{4})/.exec(line.text);
    if (m) return Number(m[1]);
  }
  for (const line of lines.slice(0, 20)) {
    const m = /^\s*#\s.*?(\d{4})\s*年/.exec(line.text);
    if (m) return Number(m[1]);
  }
  return null;
}

/** 项目支出 from the 合计 row of the 单位预算支出总表, found by its column header. */
export function readProjectExpenditure(lines: readonly Line[]): string | null {
  // A document has one such table (two with a repeated title): a few headings are looked at, not every
  // line of a crafted file that repeats the title.
  let headings = 0;
  for (let i = 0; i < lines.length && headings < 5; i++) {
    if (!/单位预算支出总表/.test(lines[i]!.text) || lines[i]!.text.includes('\t')) continue;
    headings++;
    for (let j = i + 1; j < Math.min(lines.length, i + 40); j++) {
      const col = lines[j]!.cells.map(squash).indexOf('项目支出');
      if (col < 0) continue;
      for (let k = j + 1; k < Math.min(lines.length, j + 10); k++) {
        const cells = lines[k]!.cells;
        if (cells.some((c) => squash(c) === '合计') && cells[col]) {
          return normaliseWanyuan(cells[col]!);
        }
      }
    }
  }
  return null;
}

/**
 * Projects named with amounts in the narrative (`项目支出 3447.87 万元，主要为 A 517.93 万元，B 5 万元，…。`).
 * The paragraph may be broken across lines by a page break, even inside a word.
 */
export function readMentions(lines: readonly Line[]): NarrativeMention[] {
  const start = lines.findIndex((l) => /项目支出/.test(l.text) && /主要为/.test(l.text) && !l.text.includes('\t'));
  if (start < 0) return [];
  const parts: { text: string; line: number }[] = [];
  let text = lines[start]!.text.slice(lines[start]!.text.indexOf('主要为') + 3);
  parts.push({ text, line: lines[start]!.no });
  for (let i = start + 1; i < Math.min(lines.length, start + 8) && !text.includes('。'); i++) {
    const t = lines[i]!.text.trim();
    if (!t) continue;
    if (t.startsWith('#')) break;
    parts.push({ text: t, line: lines[i]!.no });
    text += t;
  }
  const sentence = text.split('。')[0] ?? '';
  const mentions: NarrativeMention[] = [];
  let offset = 0;
  for (const item of sentence.split(/[，,；;]/)) {
    const m = /^\s*(.+?)\s*(\d+(?:\.\d+)?)\s*万元\s*$/.exec(item);
    if (m) {
      const amount = normaliseWanyuan(m[2]!);
      let consumed = 0;
      const part = parts.find((p) => (consumed += p.text.length) > offset);
      if (amount) mentions.push({ name: m[1]!.trim(), amount, line: part?.line ?? lines[start]!.no });
    }
    offset += item.length + 1;
  }
  return mentions;
}

export function looksLikeDisclosure(lines: readonly Line[]): boolean {
  return lines.some((l) => /绩效目标表/.test(l.text)) || lines.some((l) => nonEmpty(l.cells).map(squash).includes('一级指标'));
}
