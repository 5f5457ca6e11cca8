import { Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { countdown, formatDateTime } from '../../../shared/dates';
import type { CaseDetails } from '../api';

export type CaseTask = CaseDetails['tasks'][number];

/** The case's open tasks (each opens its task page) and, below, the done ones: who, when, with which outcome. */
export function CaseTasks({ open, done }: { open: CaseTask[]; done: CaseTask[] }) {
  const { t } = useTranslation('cases');
  return (
    <>
      <Typography.Title level={5}>{t('tasks.open')}</Typography.Title>
      <OpenTaskTable tasks={open} />
      <Typography.Title level={5}>{t('tasks.done')}</Typography.Title>
      <DoneTaskTable tasks={done} />
    </>
  );
}

export function OpenTaskTable({ tasks }: { tasks: CaseTask[] }) {
  const { t } = useTranslation('cases');
  const columns: TableColumnsType<CaseTask> = [
    { key: 'title', title: t('tasks.title'), render: (_, task) => <Link to={`/tasks/${task.id}`}>{task.title}</Link> },
    { key: 'role', title: t('tasks.role'), render: (_, task) => (task.role ? t(`common:roles.${task.role}`) : '—') },
    { key: 'who', title: t('tasks.claimedBy'), render: (_, task) => task.claimedBy ?? task.assignee ?? '—' },
    { key: 'created', title: t('tasks.createdAt'), render: (_, task) => formatDateTime(task.createdAt) },
    { key: 'due', title: t('tasks.dueAt'), render: (_, task) => <DueTag dueAt={task.dueAt} /> },
  ];
  return (
    <Table
      aria-label={t('tasks.open')}
      rowKey="id"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={tasks}
      locale={{ emptyText: t('tasks.noneOpen') }}
      scroll={{ x: 'max-content' }}
    />
  );
}

function DoneTaskTable({ tasks }: { tasks: CaseTask[] }) {
  const { t } = useTranslation('cases');
  const columns: TableColumnsType<CaseTask> = [
    { key: 'title', title: t('tasks.title'), dataIndex: 'title' },
    { key: 'outcome', title: t('tasks.outcome'), render: (_, task) => <OutcomeTag task={task} /> },
    { key: 'who', title: t('tasks.completedBy'), render: (_, task) => task.completedBy ?? '—' },
    {
      key: 'when',
      title: t('tasks.completedAt'),
      render: (_, task) => (task.completedAt ? formatDateTime(task.completedAt) : '—'),
    },
  ];
  return (
    <Table
      aria-label={t('tasks.done')}
      rowKey="id"
      size="small"
      pagination={false}
      columns={columns}
      dataSource={tasks}
      locale={{ emptyText: t('tasks.noneDone') }}
      scroll={{ x: 'max-content' }}
    />
  );
}

function OutcomeTag({ task }: { task: CaseTask }) {
  const { t } = useTranslation('cases');
  if (task.status === 'cancelled') return <Tag>{t('tasks.cancelled')}</Tag>;
  if (!task.outcome) return <>—</>;
  return <Tag color="green">{t(`outcomes.${task.outcome}`, { defaultValue: task.outcome })}</Tag>;
}

function DueTag({ dueAt }: { dueAt: string | null }) {
  const { t } = useTranslation('cases');
  if (!dueAt) return <>—</>;
  const left = countdown(dueAt);
  return (
    <Tag color={left.overdue ? 'error' : 'default'} title={formatDateTime(dueAt)}>
      {t(left.overdue ? 'tasks.overdueBy' : 'tasks.dueIn', { time: left.text })}
    </Tag>
  );
}
