import { LIGHT_LABELS, type Light } from '@/lib/domain/lights';
import styles from './light.module.css';

/** A warning light as colour and word (红/黄/绿/蓝), so it reads without colour too. */
export function LightBadge({ light, progress, label }: { light: Light; progress?: number | null; label?: string }) {
  return (
    <span className={`${styles.light} ${styles[light]}`} data-light={light} aria-label={`${label ?? ''}${LIGHT_LABELS[light]}灯`}>
      <span className={styles.dot} aria-hidden="true" />
      {light === 'none' ? '—' : LIGHT_LABELS[light]}
      {progress !== undefined && progress !== null ? <span className={styles.progress}>{progress.toFixed(2)}%</span> : null}
    </span>
  );
}
