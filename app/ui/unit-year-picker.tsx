import Link from 'next/link';
import { AutoSubmitSelect } from './auto-submit-select';

/** What the picker shows of a unit-year (the pages pass their richer rows; app/ takes no types from db/). */
type UnitYearChoice = { id: number; year: number; unitCode: string; unitName: string };

type Props = {
  /** The choices, or null when there are too many for a select (then a searchable page is linked). */
  unitYears: readonly UnitYearChoice[] | null;
  count: number;
  selected: UnitYearChoice;
  /** The page that shows a unit-year, where a choice leads. */
  next: '/projects' | '/exports';
};

/** The unit-year field of a GET form: a select, or the current choice and a link to search them all. */
export function UnitYearPicker({ unitYears, count, selected, next }: Props) {
  if (unitYears) {
    return (
      <>
        <label htmlFor="uy">单位与年度</label>
        <AutoSubmitSelect id="uy" name="uy" defaultValue={String(selected.id)}>
          {unitYears.map((u) => (
            <option key={u.id} value={u.id}>
              {u.unitCode} {u.unitName} · {u.year}
            </option>
          ))}
        </AutoSubmitSelect>
      </>
    );
  }
  return (
    <>
      <span style={{ fontWeight: 500 }}>单位与年度</span>
      <input type="hidden" name="uy" value={selected.id} />
      <strong>
        {selected.unitCode} {selected.unitName} · {selected.year}
      </strong>
      <Link href={`/unit-years?next=${encodeURIComponent(next)}`}>切换（共 {count} 个）</Link>
    </>
  );
}
