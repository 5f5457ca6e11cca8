import { Card, Empty, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/dates';
import { childProcesses } from '../processes';
import type { CaseTask } from './CaseTasks';

/**
 * The processes the case's workflow started and which work on the same case (a complaint that needs the item back runs
 * the return-item process): each with its steps, the open ones linking to their task page.
 */
export function ChildProcesses({ tasks, caseInstanceId }: { tasks: CaseTask[]; caseInstanceId: string | null }) {
  const { t } = useTranslation('cases');
  const children = childProcesses(tasks, caseInstanceId);
  if (children.length === 0) return <Empty description={t('processes.none')} />;
  return (
    <Flex vertical gap={16}>
      {children.map((child, index) => (
        <Card
          key={child.instanceId}
          size="small"
          role="region"
          aria-label={t('processes.child', { number: index + 1 })}
          title={t('processes.child', { number: index + 1 })}
          extra={
            <Tag color={child.running ? 'processing' : 'success'}>
              {t(child.running ? 'processes.running' : 'processes.finished')}
            </Tag>
          }
        >
          <ol style={{ margin: 0, paddingInlineStart: 20 }}>
            {child.tasks.map((task) => (
              <li key={task.id}>
                {task.status === 'open' || task.status === 'claimed' ? (
                  <Link to={`/tasks/${task.id}`}>{task.title}</Link>
                ) : (
                  task.title
                )}{' '}
                <span style={{ color: 'rgba(0,0,0,0.45)' }}>
                  · {formatDateTime(task.createdAt)}
                  {task.outcome ? ` · ${t(`outcomes.${task.outcome}`, { defaultValue: task.outcome })}` : ''}
                </span>
              </li>
            ))}
          </ol>
        </Card>
      ))}
    </Flex>
  );
}
