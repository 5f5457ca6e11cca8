import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/problems';
import type { components } from '../../../shared/api/schema';
import { useCurrentUser } from '../../../shared/session';
import { useClaimTask } from '../../../shared/tasks';
import { useMessage } from '../../../shared/messages';

type TaskView = components['schemas']['TaskView'];

/** Takes the task so colleagues see someone is on it; shows who has it when it is taken. */
export function ClaimButton({ task }: { task: TaskView }) {
  const { t } = useTranslation('tasks');
  const message = useMessage();
  const { data: user } = useCurrentUser();
  const claim = useClaimTask();
  if (task.status === 'claimed')
    return <span>{task.claimedBy === user?.userName ? t('claimedByYou') : t('claimedByOther', { user: task.claimedBy })}</span>;
  return (
    <Button
      loading={claim.isPending}
      onClick={() =>
        claim.mutate(task.id, {
          onError: (error) =>
            message.warning(error instanceof ApiError && error.status === 409 ? t('claimConflict') : t('common:errors.network')),
        })
      }
    >
      {t('claim')}
    </Button>
  );
}
