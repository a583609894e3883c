import { t } from '../../shared/i18n/core.js';

/** "45 segundos", "3 minutos": how long a throttled sign-in or registration must wait. */
export function waitText(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return s === 1 ? t('wait.second') : t('wait.seconds', { count: s });
  const m = Math.ceil(s / 60);
  return m === 1 ? t('wait.minute') : t('wait.minutes', { count: m });
}
