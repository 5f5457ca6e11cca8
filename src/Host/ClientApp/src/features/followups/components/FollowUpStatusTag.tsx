import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FollowUp } from '../api';
import { isOverdue } from '../followUps';

const colours: Record<string, string> = { open: 'processing', escalated: 'warning', done: 'success' };

/** The status, and "overdue" in red when it is past due and not done. */
export function FollowUpStatusTag({ followUp }: { followUp: FollowUp }) {
  const { t } = useTranslation('followups');
  return (
    <Space size={4}>
      <Tag color={colours[followUp.status]}>{t(`statuses.${followUp.status}`, { defaultValue: followUp.status })}</Tag>
      {isOverdue(followUp) && <Tag color="error">{t('overdue')}</Tag>}
    </Space>
  );
}
