import { App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/problems';
import type { components } from '../../../shared/api/schema';
import { useClaimTask } from '../../../shared/tasks';

type TaskView = components['schemas']['TaskView'];

/** Claim an open task; a task someone took meanwhile is explained and the list refreshed. */
export function TaskActions({ task }: { task: TaskView }) {
  const { t } = useTranslation('inbox');
  const { message } = App.useApp();
  const claim = useClaimTask();

  const onError = (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) message.warning(t('claimConflict'));
    else if (error instanceof ApiError && error.status === 403) message.error(t('common:errors.forbidden'));
    else message.error(t('common:errors.network'));
  };

  return (
    <Space>
      {task.status === 'open' && (
        <Button
          size="small"
          loading={claim.isPending}
          aria-label={t('claimTask', { title: task.title })}
          onClick={() => claim.mutate(task.id, { onError })}
        >
          {t('claim')}
        </Button>
      )}
    </Space>
  );
}
