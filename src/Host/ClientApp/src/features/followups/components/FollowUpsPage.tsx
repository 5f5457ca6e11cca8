import { useState, type ReactNode } from 'react';
import { Button, Card, Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert, problemText } from '../../../shared/components/ProblemAlert';
import { countdown, formatDateTime } from '../../../shared/dates';
import { useFollowUps, useMarkDone, type FollowUp } from '../api';
import { isOverdue, ofKind } from '../followUps';
import { FollowUpFilters, type FollowUpFilterValues } from './FollowUpFilters';
import { FollowUpStatusTag } from './FollowUpStatusTag';
import { useMessage } from '../../../shared/messages';

/** Visits to key customers and inspections of installed products, due first; each marked done by whoever made it. */
export function FollowUpsPage() {
  const { t } = useTranslation('followups');
  const message = useMessage();
  const [filters, setFilters] = useState<FollowUpFilterValues>({ status: 'open' });
  const followUps = useFollowUps({ status: filters.status, owner: filters.owner });
  const markDone = useMarkDone();
  const rows = ofKind(followUps.data ?? [], filters.kind);

  const done = (followUp: FollowUp) =>
    markDone.mutate(followUp.id, {
      onSuccess: () => message.success(t('markedDone')),
      onError: (error) => message.error(problemText(error, t)),
    });

  return (
    <Card title={t('title')}>
      <FollowUpFilters value={filters} onChange={setFilters} />
      <ProblemAlert error={followUps.error} />
      <Table<FollowUp>
        rowKey="id"
        size="middle"
        loading={followUps.isFetching}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('empty') }}
        columns={[
          {
            title: t('columns.kind'),
            dataIndex: 'kind',
            render: (kind: string) => <Nowrap>{t(`kinds.${kind}`, { defaultValue: kind })}</Nowrap>,
          },
          { title: t('columns.subject'), dataIndex: 'subjectId', render: (_, f) => <Subject followUp={f} /> },
          {
            title: t('columns.due'),
            dataIndex: 'dueAt',
            render: (dueAt: string, f) => <DueTime dueAt={dueAt} overdue={isOverdue(f)} done={f.status === 'done'} />,
          },
          { title: t('columns.owner'), dataIndex: 'owner' },
          { title: t('columns.status'), dataIndex: 'status', render: (_, f) => <FollowUpStatusTag followUp={f} /> },
          {
            title: t('columns.actions'),
            key: 'actions',
            render: (_, f) =>
              f.status !== 'done' && (
                <Button size="small" onClick={() => done(f)} loading={markDone.isPending && markDone.variables === f.id}>
                  {t('markDone')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}

/** The product inspected (model and serial), and the customer visited or owning it, linked to the customer's page. */
function Subject({ followUp: f }: { followUp: FollowUp }) {
  const { t } = useTranslation('followups');
  const customer = f.customerId && <Link to={`/customers/${f.customerId}`}>{f.customer ?? t('customer')}</Link>;
  if (f.kind === 'visit') return customer || <Typography.Text type="secondary">{t('gone')}</Typography.Text>;
  return (
    <Flex vertical>
      <span>{f.product ?? t('gone')}</span>
      {customer}
    </Flex>
  );
}

function Nowrap({ children }: { children: ReactNode }) {
  return <span style={{ whiteSpace: 'nowrap' }}>{children}</span>;
}

function DueTime({ dueAt, overdue, done }: { dueAt: string; overdue: boolean; done: boolean }) {
  const { t } = useTranslation('followups');
  const left = countdown(dueAt);
  return (
    <span>
      {formatDateTime(dueAt)}
      {!done && (
        <Typography.Text type={overdue ? 'danger' : 'secondary'} style={{ marginLeft: 8 }}>
          {overdue ? t('overdueBy', { time: left.text }) : t('dueIn', { time: left.text })}
        </Typography.Text>
      )}
    </span>
  );
}
