import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { countdown, formatDateTime } from '../dates';

/** A due time as time left (`2 days 3 hr left`) or, in red, how long it is overdue; the exact time on hover. */
export function DueCountdown({ due, now }: { due: string | null | undefined; now: number }) {
  const { t } = useTranslation();
  if (!due) return <Typography.Text type="secondary">{t('due.none')}</Typography.Text>;
  const left = countdown(due, now);
  return (
    <Tooltip title={formatDateTime(due)}>
      <Typography.Text type={left.overdue ? 'danger' : undefined} strong={left.overdue}>
        {t(left.overdue ? 'due.overdue' : 'due.left', { time: left.text })}
      </Typography.Text>
    </Tooltip>
  );
}
