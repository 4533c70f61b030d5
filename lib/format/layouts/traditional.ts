/**
 * Traditional characters as their simplified forms, for matching labels only: the printed text is
 * kept. Only the characters that occur in the labels and headings of target tables are listed (a full
 * converter would add megabytes of dictionary for words we never compare).
 */
const PAIRS =
  '項项 目目 稱称 編编 碼码 數数 預预 算算 資资 金金 額额 財财 政政 撥拨 款款 績绩 效效 標标 級级 ' +
  '質质 時时 產产 滿满 實实 總总 體体 計计 劃划 單单 門门 屬属 間间 據据 確确 為为 號号 務务 經经 濟济 ' +
  '會会 態态 續续 響响 內内 負负 責责 說说 明明 與与 補补 級级 縣县 區区 鄉乡 鎮镇 當当 對对 應应 ' +
  '書书 報报 批批 復复 覆复 評评 價价 測测 量量 種种 類类 性性 專专 項项 長长 週周 規规 劃划 進进 ' +
  '達达 環环 節节 這这 從从 優优 農农 業业 務务 設设 築筑 護护 狀状 況况 屆届 與与 們们 個个 ' +
  '傳传 關关 機机 構构 導导 層层 龍龙 東东 門门 問问 題题 顯显 著着 裡里 後后 發发 現现 歲岁 ' +
  '檔档 檢检 驗验 響响 夠够 將将 從从 擔担 據据 價价 於于 並并 來来 動动 勞劳 雙双 證证 議议 ' +
  '構构 屬属 維维 級级 織织 紀纪 務务 範范 圍围 異异 費费 貨货 購购 貸贷 賬账 軟软 轉转 輸输 ' +
  '選选 遞递 還还 邊边 鐘钟 開开 閉闭 陽阳 際际 險险 隨随 雜杂 離离 難难 電电 須须 頭头 額额 ' +
  '願愿 風风 養养 驅驱 體体 點点 齊齐 萬万 億亿 釐厘 門门 準准 啟启 參参 數数 計计 劃划';

const MAP = new Map<string, string>();
for (const pair of PAIRS.split(' ')) if (pair.length === 2) MAP.set(pair[0]!, pair[1]!);

const TRADITIONAL = new RegExp(`[${[...MAP.keys()].join('')}]`, 'g');

/** `項目名稱` → `项目名称`; characters not in the table are kept. */
export function toSimplified(s: string): string {
  return s.replace(TRADITIONAL, (c) => MAP.get(c) ?? c);
}

/** Whether the text has any of the traditional characters we know (the table is then reported as such). */
export function hasTraditional(s: string): boolean {
  TRADITIONAL.lastIndex = 0;
  return TRADITIONAL.test(s);
}
