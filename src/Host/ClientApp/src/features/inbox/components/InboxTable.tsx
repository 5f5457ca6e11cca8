import { useCallback, useMemo, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Button, Spin, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '../../../shared/api/schema';
import { DueCountdown } from '../../../shared/components/DueCountdown';
import { useNow } from '../../../shared/useNow';
import { useCurrentUser } from '../../../shared/session';
import type { InboxFilter } from '../api';
import { useRowKeyboard } from '../useRowKeyboard';
import { InboxPager } from './InboxPager';
import { TaskActions } from './TaskActions';

type TaskView = components['schemas']['TaskView'];
type TaskPage = components['schemas']['PageOfTaskView'];

interface InboxTableProps {
  inbox: UseQueryResult<TaskPage>;
  filter: InboxFilter;
  onPage: (page: number, pageSize: number) => void;
  onOpen: (taskId: string) => void;
}

interface Column {
  key: string;
  title: string;
  render: (task: TaskView) => ReactNode;
}

/**
 * The tasks, one row each, with the selected row (j/k, Enter) marked; server-side pages. A plain `<table>`, not antd's
 * Table: that one brings Tree, Pagination, Select and Checkbox (about 75 KB gzipped) into the first download.
 */
export function InboxTable({ inbox, filter, onPage, onOpen }: InboxTableProps) {
  const { t } = useTranslation('inbox');
  const now = useNow();
  const { data: user } = useCurrentUser();
  const tasks = useMemo(() => inbox.data?.items ?? [], [inbox.data]);
  const open = useCallback((index: number) => tasks[index] && onOpen(tasks[index].id), [tasks, onOpen]);
  const [selected, setSelected] = useRowKeyboard(tasks.length, open);
  const columns = inboxColumns(t, now, user?.userName);

  if (inbox.error)
    return (
      <Alert
        type="error"
        showIcon
        title={t('loadFailed')}
        action={<Button onClick={() => void inbox.refetch()}>{t('common:retry')}</Button>}
      />
    );

  const loading = inbox.isPending || inbox.isPlaceholderData;
  return (
    <>
      <Spin spinning={loading}>
        <div className="inbox-table-scroll">
          <table className="inbox-table" aria-label={t('title')} aria-busy={loading}>
            <thead>
              <tr>
                {columns.map((column) => (
                  <th key={column.key} scope="col">
                    {column.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tasks.map((task, index) => (
                <tr
                  key={task.id}
                  aria-selected={index === selected}
                  className={index === selected ? 'inbox-row-selected' : undefined}
                  onClick={() => setSelected(index)}
                  onDoubleClick={() => open(index)}
                >
                  {columns.map((column) => (
                    <td key={column.key} className={`inbox-cell-${column.key}`}>
                      {column.render(task)}
                    </td>
                  ))}
                </tr>
              ))}
              {!inbox.isPending && tasks.length === 0 && (
                <tr>
                  <td colSpan={columns.length} className="inbox-table-empty">
                    {t('empty')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </Spin>
      <InboxPager
        page={filter.page}
        pageSize={filter.pageSize}
        total={Number(inbox.data?.total ?? 0)}
        onChange={onPage}
      />
    </>
  );
}

function inboxColumns(t: TFunction<'inbox'>, now: number, userName: string | undefined): Column[] {
  return [
    {
      key: 'case',
      title: t('columns.case'),
      render: (task) =>
        task.caseId ? <Link to={`/cases/${encodeURIComponent(task.caseId)}`}>{task.caseNumber ?? task.caseId}</Link> : '—',
    },
    {
      key: 'customer',
      title: t('columns.customer'),
      render: (task) => <CustomerCell name={task.customerName} company={task.customerCompany} />,
    },
    {
      key: 'process',
      title: t('columns.process'),
      render: (task) => (task.caseKind ? t(`common:caseKinds.${task.caseKind}`, { defaultValue: task.caseKind }) : '—'),
    },
    {
      key: 'title',
      title: t('columns.task'),
      render: (task) => <Link to={`/tasks/${encodeURIComponent(task.id)}`}>{task.title}</Link>,
    },
    {
      key: 'role',
      title: t('columns.role'),
      render: (task) => (task.role ? t(`common:roles.${task.role}`, { defaultValue: task.role }) : '—'),
    },
    { key: 'due', title: t('columns.due'), render: (task) => <DueCountdown due={task.dueAt} now={now} /> },
    {
      key: 'claimedBy',
      title: t('columns.claimedBy'),
      render: (task) =>
        task.claimedBy ? (
          task.claimedBy === userName ? t('claimedByYou') : task.claimedBy
        ) : (
          <Typography.Text type="secondary">{t('unclaimed')}</Typography.Text>
        ),
    },
    { key: 'actions', title: t('columns.actions'), render: (task) => <TaskActions task={task} /> },
  ];
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
