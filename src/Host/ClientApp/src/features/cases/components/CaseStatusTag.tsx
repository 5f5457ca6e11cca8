import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const colors: Record<string, string> = {
  open: 'blue',
  in_progress: 'processing',
  waiting_customer: 'warning',
  resolved: 'success',
  closed: 'default',
  rejected: 'default',
};

export function CaseStatusTag({ status }: { status: string }) {
  const { t } = useTranslation('cases');
  return <Tag color={colors[status]}>{t(`statuses.${status}`, { defaultValue: status })}</Tag>;
}

/** Escalation level 0 is nothing to show; 1 went to the after-sales manager, 2 to the GM. */
export function EscalationTag({ level }: { level: number }) {
  const { t } = useTranslation('cases');
  if (level <= 0) return <span aria-label={t('escalation.none')}>—</span>;
  return <Tag color={level > 1 ? 'red' : 'orange'}>{t('escalation.level', { level })}</Tag>;
}
