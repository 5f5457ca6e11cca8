import { Alert, Button, Card, Descriptions, Flex, Result, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/problems';
import { DueCountdown } from '../../../shared/components/DueCountdown';
import { PageLoading } from '../../../shared/components/PageLoading';
import { formatDateTime } from '../../../shared/dates';
import { useNow } from '../../../shared/useNow';
import { useTask } from '../api';
import { CaseSummaryCard } from './CaseSummaryCard';
import { ClaimButton } from './ClaimButton';
import { TaskCompletionPanel } from './TaskCompletionPanel';

/** One task: its case on top, then its form and outcomes, or, once done, who finished it and how. */
export function TaskPage() {
  const { t } = useTranslation('tasks');
  const { taskId = '' } = useParams();
  const task = useTask(taskId);
  const now = useNow();

  if (task.isPending) return <PageLoading />;
  if (task.error) {
    const missing = task.error instanceof ApiError && task.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('notFound') : t('loadFailed')}
        extra={<Link to="/inbox">{t('backToInbox')}</Link>}
      />
    );
  }

  const view = task.data;
  const done = view.status === 'completed' || view.status === 'cancelled';
  return (
    <Flex vertical gap={16}>
      <Link to="/inbox">← {t('backToInbox')}</Link>
      {view.caseId && <CaseSummaryCard caseId={view.caseId} />}
      <Card
        title={
          <Space wrap>
            <Typography.Title level={4} style={{ margin: 0, whiteSpace: 'normal' }}>
              {view.title}
            </Typography.Title>
            <Tag>{t(`statuses.${view.status}`, { defaultValue: view.status })}</Tag>
          </Space>
        }
        extra={!done && <ClaimButton task={view} />}
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('role')}>
            {view.role ? t(`common:roles.${view.role}`, { defaultValue: view.role }) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('due')}>
            {done ? (view.dueAt ? formatDateTime(view.dueAt) : '—') : <DueCountdown due={view.dueAt} now={now} />}
          </Descriptions.Item>
          <Descriptions.Item label={t('claimedBy')}>{view.claimedBy ?? t('unclaimed')}</Descriptions.Item>
        </Descriptions>
        {done ? (
          <Alert
            type="info"
            showIcon
            title={t('done', {
              user: view.completedBy ?? '—',
              at: view.completedAt ? formatDateTime(view.completedAt) : '—',
              outcome: view.outcome ? t(`outcomes.${view.outcome}`, { defaultValue: view.outcome }) : '—',
            })}
            action={
              <Link to="/inbox">
                <Button>{t('backToInbox')}</Button>
              </Link>
            }
          />
        ) : (
          <TaskCompletionPanel task={view} />
        )}
      </Card>
    </Flex>
  );
}
