import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../../shared/components/ProblemAlert';
import { formatDate } from '../../../shared/dates';
import { holdsAnyRole, useCurrentUser } from '../../../shared/session';
import { useCustomers, type CustomerQuery, type CustomerSummary } from '../api';
import { editorRoles } from '../editors';

const pageSize = 20;

/** The customer register: search, key customers, and who may add one adds one. */
export function CustomersPage() {
  const { t } = useTranslation('customers');
  const { data: user } = useCurrentUser();
  const [query, setQuery] = useState<CustomerQuery>({ page: 1, pageSize });
  const customers = useCustomers(query);

  return (
    <Card
      title={t('list.title')}
      extra={holdsAnyRole(user, editorRoles) && (
        <Link to="new"><Button type="primary" icon={<PlusOutlined />}>{t('list.new')}</Button></Link>
      )}
    >
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search aria-label={t('list.search')} placeholder={t('list.search')} allowClear style={{ width: 260 }}
          onSearch={(text) => setQuery({ ...query, text: text.trim() || undefined, page: 1 })} />
        <Select aria-label={t('fields.keyCustomer')} placeholder={t('fields.keyCustomer')} allowClear style={{ width: 180 }}
          value={query.keyCustomer}
          onChange={(keyCustomer?: boolean) => setQuery({ ...query, keyCustomer, page: 1 })}
          options={[{ value: true, label: t('list.keyOnly') }, { value: false, label: t('list.othersOnly') }]} />
      </Flex>
      <ProblemAlert error={customers.error} />
      <Table<CustomerSummary>
        rowKey="id"
        size="middle"
        loading={customers.isFetching}
        dataSource={customers.data?.items}
        locale={{ emptyText: t('list.empty') }}
        pagination={{
          current: Number(customers.data?.page ?? query.page),
          pageSize,
          total: Number(customers.data?.total ?? 0),
          hideOnSinglePage: true,
          onChange: (page) => setQuery({ ...query, page }),
        }}
        columns={[
          { title: t('fields.name'), dataIndex: 'name', render: (name: string, c) => <Link to={c.id}>{name}</Link> },
          { title: t('fields.company'), dataIndex: 'company' },
          { title: t('fields.region'), dataIndex: 'region' },
          {
            title: t('fields.keyCustomer'),
            dataIndex: 'keyCustomer',
            render: (key: boolean) => key && <Tag color="gold">{t('list.key')}</Tag>,
          },
          { title: t('list.products'), dataIndex: 'products' },
          {
            title: t('list.nextVisit'),
            dataIndex: 'nextVisitDue',
            render: (due: string | null) => (due ? formatDate(due) : '—'),
          },
          { title: t('fields.owner'), dataIndex: 'owner' },
        ]}
      />
    </Card>
  );
}
