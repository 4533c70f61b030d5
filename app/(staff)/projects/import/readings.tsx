'use client';

import type { ImportPlan } from '@/lib/projects/import';
import type { Corrections, ImportReading } from '@/lib/projects/import-reading';
import { TableReading } from './table-reading';

/**
 * Every recognised table of the file, each with the controls to correct its reading. A correction
 * makes new corrections (never mutating the ones on screen) and asks for a new preview with them.
 */
export function Readings(props: { reading: ImportReading; plan: ImportPlan; corrections: Corrections; isBusy: boolean; onChange: (next: Corrections) => void }) {
  const { reading, plan, corrections, onChange } = props;
  const overrideOf = (i: number) => corrections.overrides[String(i)] ?? {};
  const withOverride = (i: number, o: Corrections['overrides'][string]): Corrections => ({ ...corrections, overrides: { ...corrections.overrides, [String(i)]: o } });
  const unsureCount = reading.recognitions.reduce((n, r) => n + r.unsure.length, 0);
  return (
    <section aria-label="各表的读取结果" style={{ marginTop: 16 }}>
      <h2>各表的读取结果</h2>
      <p className="muted">
        下面是每张表按什么读出、导入后是什么样子。某一列读错了，在该列的下拉框中改为正确的含义；金额单位不对，改“原表金额单位”；
        修改后预览会重新读取。标 <span className="unsure-mark">?</span> 的单元格读取时不确定（共 {unsureCount} 处），请核对。确认导入的内容就是这里显示的内容。
      </p>
      {reading.recognitions.map((rec) => {
        const table = reading.tables.find((t) => t.source.number === rec.index + 1);
        const item = plan.items.find((it) => it.number === rec.index + 1);
        return (
          <TableReading
            key={rec.index}
            recognition={rec}
            table={table}
            item={item}
            givenCode={corrections.codes[String(rec.index)]}
            isBusy={props.isBusy}
            corrections={{
              onColumn: (column, meaning) => {
                const o = overrideOf(rec.index);
                onChange(withOverride(rec.index, { ...o, columns: { ...o.columns, [String(column)]: meaning } }));
              },
              onAmountUnit: (unit) => onChange(withOverride(rec.index, { ...overrideOf(rec.index), amountUnit: unit })),
              onCode: (code) => {
                const codes = { ...corrections.codes };
                if (code === '') delete codes[String(rec.index)];
                else codes[String(rec.index)] = code;
                onChange({ ...corrections, codes });
              },
            }}
          />
        );
      })}
    </section>
  );
}
