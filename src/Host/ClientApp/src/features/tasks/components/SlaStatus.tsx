import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../shared/api/schema';
import { DueCountdown } from '../../../shared/components/DueCountdown';
import { formatDateTime } from '../../../shared/dates';
import { useNow } from '../../../shared/useNow';

type SlaState = components['schemas']['SlaState'];

/** The case's first-response SLA: answered, paused, breached, or the time left. */
export function SlaStatus({ sla }: { sla: SlaState }) {
  const { t } = useTranslation('tasks');
  const now = useNow();
  if (sla.respondedAt)
    return (
      <Tag color={sla.met === false ? 'red' : 'green'}>
        {t(sla.met === false ? 'sla.answeredLate' : 'sla.answered', { at: formatDateTime(sla.respondedAt) })}
      </Tag>
    );
  return (
    <Space>
      {sla.paused && <Tag color="orange">{t('sla.paused')}</Tag>}
      {sla.met === false && <Tag color="red">{t('sla.breached')}</Tag>}
      <DueCountdown due={sla.dueAt} now={now} />
    </Space>
  );
}
