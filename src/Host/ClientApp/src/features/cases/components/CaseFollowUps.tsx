import { Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { countdown, formatDateTime } from '../../../shared/dates';
import type { CaseDetails } from '../api';

type FollowUp = CaseDetails['followUps'][number];

/** What is due next on the case: open tasks with a due time and return-visit calls, soonest first. */
export function CaseFollowUps({ followUps }: { followUps: FollowUp[] }) {
  const { t } = useTranslation('cases');
  const columns: TableColumnsType<FollowUp> = [
    {
      key: 'kind',
      title: t('followUps.kind'),
      render: (_, f) => t(`followUps.kinds.${f.kind}`, { defaultValue: f.kind }),
    },
    {
      key: 'title',
      title: t('followUps.title'),
      render: (_, f) => (f.taskId ? <Link to={`/tasks/${f.taskId}`}>{f.title}</Link> : f.title),
    },
    { key: 'role', title: t('tasks.role'), render: (_, f) => (f.role ? t(`common:roles.${f.role}`) : '—') },
    {
      key: 'due',
      title: t('tasks.dueAt'),
      render: (_, f) => {
        const left = countdown(f.dueAt);
        return (
          <span>
            {formatDateTime(f.dueAt)}{' '}
            {left.overdue && <Tag color="error">{t('tasks.overdueBy', { time: left.text })}</Tag>}
          </span>
        );
      },
    },
  ];
  return (
    <Table
      aria-label={t('page.followUps')}
      rowKey={(f) => `${f.kind}-${f.taskId ?? ''}-${f.dueAt}`}
      size="small"
      pagination={false}
      columns={columns}
      dataSource={followUps}
      locale={{ emptyText: t('followUps.none') }}
      scroll={{ x: 'max-content' }}
    />
  );
}
