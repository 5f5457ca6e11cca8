import { useCallback, useMemo } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '../../../shared/api/schema';
import { DueCountdown } from '../../../shared/components/DueCountdown';
import { useNow } from '../../../shared/useNow';
import { useCurrentUser } from '../../../shared/session';
import type { InboxFilter } from '../api';
import { useRowKeyboard } from '../useRowKeyboard';
import { TaskActions } from './TaskActions';
import './InboxTable.css';

type TaskView = components['schemas']['TaskView'];
type TaskPage = components['schemas']['PageOfTaskView'];

interface InboxTableProps {
  inbox: UseQueryResult<TaskPage>;
  filter: InboxFilter;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (taskId: string) => void;
}

/** The tasks, one row each, with the selected row (j/k, Enter) marked; server-side pages. */
export function InboxTable({ inbox, filter, onPage, onOpen }: InboxTableProps) {
  const { t } = useTranslation('inbox');
  const now = useNow();
  const { data: user } = useCurrentUser();
  const tasks = useMemo(() => inbox.data?.items ?? [], [inbox.data]);
  const open = useCallback((index: number) => tasks[index] && onOpen(tasks[index].id), [tasks, onOpen]);
  const [selected, setSelected] = useRowKeyboard(tasks.length, open);

  const columns: TableColumnsType<TaskView> = [
    {
      title: t('columns.case'),
      key: 'case',
      render: (_, task) =>
        task.caseId ? <Link to={`/cases/${encodeURIComponent(task.caseId)}`}>{task.caseNumber ?? task.caseId}</Link> : '—',
    },
    {
      title: t('columns.customer'),
      key: 'customer',
      render: (_, task) => <CustomerCell name={task.customerName} company={task.customerCompany} />,
    },
    {
      title: t('columns.process'),
      key: 'process',
      render: (_, task) => (task.caseKind ? t(`common:caseKinds.${task.caseKind}`, { defaultValue: task.caseKind }) : '—'),
    },
    {
      title: t('columns.task'),
      key: 'title',
      render: (_, task) => <Link to={`/tasks/${encodeURIComponent(task.id)}`}>{task.title}</Link>,
    },
    {
      title: t('columns.role'),
      key: 'role',
      render: (_, task) => (task.role ? t(`common:roles.${task.role}`, { defaultValue: task.role }) : '—'),
    },
    { title: t('columns.due'), key: 'due', render: (_, task) => <DueCountdown due={task.dueAt} now={now} /> },
    {
      title: t('columns.claimedBy'),
      key: 'claimedBy',
      render: (_, task) =>
        task.claimedBy ? (
          task.claimedBy === user?.userName ? t('claimedByYou') : task.claimedBy
        ) : (
          <Typography.Text type="secondary">{t('unclaimed')}</Typography.Text>
        ),
    },
    { title: t('columns.actions'), key: 'actions', render: (_, task) => <TaskActions task={task} /> },
  ];

  if (inbox.error)
    return (
      <Alert
        type="error"
        showIcon
        title={t('loadFailed')}
        action={<Button onClick={() => void inbox.refetch()}>{t('common:retry')}</Button>}
      />
    );

  return (
    <Table<TaskView>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={tasks}
      loading={inbox.isPending || inbox.isPlaceholderData}
      aria-label={t('title')}
      locale={{ emptyText: t('empty') }}
      rowClassName={(_, index) => (index === selected ? 'inbox-row-selected' : '')}
      onRow={(_, index) => ({
        'aria-selected': index === selected,
        onClick: () => index !== undefined && setSelected(index),
        onDoubleClick: () => index !== undefined && open(index),
      })}
      pagination={{
        current: filter.page,
        pageSize: filter.pageSize,
        total: Number(inbox.data?.total ?? 0),
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (total) => t('total', { count: total }),
        onChange: onPage,
      }}
      scroll={{ x: 'max-content' }}
    />
  );
}

/** The customer's name over their company (either may be missing, or withheld from the role by the server). */
function CustomerCell({ name, company }: { name: string | null; company: string | null }) {
  if (!name && !company) return '—';
  if (!name || !company) return name ?? company;
  return (
    <>
      {name}
      <br />
      <Typography.Text type="secondary">{company}</Typography.Text>
    </>
  );
}
