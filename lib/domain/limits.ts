/** Size limits on input, enforced by the shared schemas before anything touches the database. */
export const LIMITS = {
  codeLength: 40,
  nameLength: 200,
  /** 资金用途 and 绩效目标 */
  longTextLength: 5_000,
  cellLength: 500,
  /** An amount field as typed; a draft keeps text that is not a valid amount, up to this length. */
  typedAmountLength: 40,
  indicatorRows: 300,
  checkpoints: 12,
  reasonLength: 2_000,
  /** Uploaded documents for import. */
  uploadBytes: 20 * 1024 * 1024,
  /** XLSX and DOCX: the sum of the entries' uncompressed sizes, read from the zip's central directory before anything is inflated. */
  zipUncompressedBytes: 60 * 1024 * 1024,
  /** Entries in one XLSX or DOCX zip. */
  zipEntries: 2_000,
  /** Uncompressed size per compressed byte beyond which an entry is taken for a zip bomb (XML compresses about 10:1). */
  zipRatio: 200,
  /** Tables inside tables (a web page's layout tables, a Word table in a cell). */
  tableNesting: 8,
  /** Cells read from one document, over all its tables (a 300-row table has about 3,000). */
  documentCells: 300_000,
  /** Element depth of the XML inside a DOCX. */
  xmlDepth: 256,
} as const;

/** A unit code (`441001`): 3–20 letters or digits, checked the same wherever one enters. */
export const UNIT_CODE = /^[0-9A-Za-z]{3,20}$/;
