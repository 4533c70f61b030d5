/**
 * The deadlines written most often, one click away. Each is the printed form; the editor types it
 * through the same parser as import and paste, so a preset and the typed text can never disagree.
 */
import type { TableInput } from '@/lib/domain/schemas';
import { targetOf } from './paste';

type Row = TableInput['indicators'][number];

export const DEADLINE_PRESETS = ['12月底前完成', '12月20日前完成', '年底前完成'] as const;

/** The 指标值 fields a preset sets: a date where the text reads as one, else the text as it is. */
export function presetValue(text: string): Pick<Row, 'value' | 'target'> {
  return { value: text, target: targetOf(text) };
}
