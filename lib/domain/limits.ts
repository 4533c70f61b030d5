/** Size limits on input, enforced by the shared schemas before anything touches the database. */
export const LIMITS = {
  codeLength: 40,
  nameLength: 200,
  /** 资金用途 and 绩效目标 */
  longTextLength: 5_000,
  cellLength: 500,
  indicatorRows: 300,
  checkpoints: 12,
  reasonLength: 2_000,
  /** Uploaded documents for import. */
  uploadBytes: 20 * 1024 * 1024,
} as const;

/** A unit code (`441001`): 3–20 letters or digits, checked the same wherever one enters. */
export const UNIT_CODE = /^[0-9A-Za-z]{3,20}$/;
