import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/problems';
import type { components } from '../../../shared/api/schema';
import { useCurrentUser } from '../../../shared/session';
import { useClaimTask, useReleaseTask } from '../../../shared/tasks';
import { mayRelease } from '../release';
import { useMessage } from '../../../shared/messages';

type TaskView = components['schemas']['TaskView'];

/**
 * Claim an open task; release a claimed one, after a confirmation (its claimer, or an aftersales_manager or admin). A task that changed
 * meanwhile is explained; the list refreshes after either (both mutations invalidate every task query).
 */
export function TaskActions({ task }: { task: TaskView }) {
  const { t } = useTranslation('inbox');
  const message = useMessage();
  const { data: user } = useCurrentUser();
  const claim = useClaimTask();
  const release = useReleaseTask();

  const onError = (conflict: string) => (error: unknown) => {
    if (error instanceof ApiError && error.status === 409) message.warning(t(conflict));
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
          onClick={() => claim.mutate(task.id, { onError: onError('claimConflict') })}
        >
          {t('claim')}
        </Button>
      )}
      {mayRelease(task, user) && (
        // Giving back claimed work is confirmed: the task goes back to everyone of its role, and a supervisor's release
        // takes it from a colleague.
        <Popconfirm
          title={task.claimedBy === user?.userName ? t('releaseConfirm') : t('releaseOthersConfirm', { user: task.claimedBy })}
          okText={t('release')}
          cancelText={t('cancel')}
          onConfirm={() => release.mutate(task.id, { onError: onError('releaseConflict') })}
        >
          <Button size="small" loading={release.isPending} aria-label={t('releaseTask', { title: task.title })}>
            {t('release')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
