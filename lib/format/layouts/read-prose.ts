/**
 * Targets stated as prose in a notice (公示) rather than a table: numbered headings name level 1
 * (`一、 产出指标`), a label with a colon or comma names level 2 (`数量指标:`, `服务对象满意度指标,`), and
 * indicators are separated by `;` or `。`, each with its value after the last comparison sign outside
 * brackets (`种植数量(≥**株)>=17600株`). The result is a grid the recogniser reads like any table.
 */
import type { GridRow } from './grid';
import { labelKey } from './labels';

const LEVEL1 = /^\s*[一二三四五六七八九十]+\s*[、.．]\s*([\u4e00-\u9fa5]{2,10}指标)\s*$/;
const LEVEL2 = /([\u4e00-\u9fa5]{2,12}(?:指标|目标))\s*[:：,，]/g;
const VALUE = /(?:>=|<=|≥|≤|＞|＜|>|<|=)[^()（）]*$/;

function items(text: string, level1: string, out: string[][], level2: { current: string }): void {
  let last = 0;
  const parts: { label: string | null; text: string }[] = [];
  for (const m of text.matchAll(LEVEL2)) {
    parts.push({ label: null, text: text.slice(last, m.index) });
    parts.push({ label: m[1]!, text: '' });
    last = m.index + m[0].length;
  }
  parts.push({ label: null, text: text.slice(last) });
  for (const part of parts) {
    if (part.label !== null) {
      // `效益指标:经济效益指标:` restates level 1 before naming level 2.
      if (labelKey(part.label) !== labelKey(level1)) level2.current = part.label;
      continue;
    }
    for (const sentence of part.text.split(/[;；。]/)) {
      // Commas join a name's parts (`数量,黄金蜜种植数量(≥**株)>=17600株`) or separate two indicators: an item ends at its value.
      let item = '';
      const pieces = sentence.split(/[,，]/);
      pieces.forEach((piece, k) => {
        item = item ? `${item},${piece}` : piece;
        if (VALUE.test(item) || k === pieces.length - 1) {
          const t = item.trim().replace(/^[、]+|[、]+$/g, '');
          item = '';
          if (t === '') return;
          const v = VALUE.exec(t);
          const name = v ? t.slice(0, v.index).trim() : t;
          if (name) out.push([level1, level2.current, name, v ? v[0].trim() : '']);
        }
      });
    }
  }
}

/** The prose's rows as a grid (fields first, then a header and the indicators), or null when it states no targets this way. */
export function proseRows(text: string): GridRow[] | null {
  const lines = text.split(/\r\n|\r|\n/);
  const first = lines.findIndex((l) => LEVEL1.test(l));
  if (first < 0) return null;
  const intro = lines.slice(0, first).join('');
  const rows: GridRow[] = [];
  const name = /实施([^,，。;；]{4,60}?项目)/.exec(intro)?.[1];
  const total = /资金\s*(\d[\d,.]*\s*万?元)/.exec(intro)?.[1];
  const goal = /总体(?:绩效)?目标(?:是|为)?[:：]\s*([^。]+。)/.exec(intro)?.[1];
  if (name) rows.push({ line: null, cells: ['项目名称', name] });
  if (total) rows.push({ line: null, cells: ['资金总额', total] });
  if (goal) rows.push({ line: null, cells: ['年度目标', goal] });
  rows.push({ line: first + 1, cells: ['一级指标', '二级指标', '三级指标', '指标值'] });
  const indicators: string[][] = [];
  let level1 = '';
  const level2 = { current: '' };
  for (let i = first; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = LEVEL1.exec(line);
    if (heading) {
      level1 = heading[1]!;
      level2.current = '';
      continue;
    }
    if (/^\s*(附件|附表)/.test(line) || (line.trim() !== '' && !/[:：,，;；]/.test(line))) break;
    items(line, level1, indicators, level2);
  }
  if (indicators.length === 0) return null;
  return [...rows, ...indicators.map((cells) => ({ line: null, cells }))];
}
