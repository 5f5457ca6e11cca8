import { useState } from 'react';
import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageLoading } from '../../../shared/components/PageLoading';
import { ProblemAlert } from '../../../shared/components/ProblemAlert';
import { formatDateTime } from '../../../shared/dates';
import { holdsAnyRole, useCurrentUser } from '../../../shared/session';
import { useCustomer, type CustomerDetails } from '../api';
import { editorRoles } from '../editors';
import { durationToDays } from '../intervals';
import { CustomerEditForm } from './CustomerEditForm';
import { InstalledProductsCard } from './InstalledProductsCard';

/** One customer: its fields (edited in place), its next visit, and its installed products. */
export function CustomerPage() {
  const { customerId = '' } = useParams();
  const { t } = useTranslation('customers');
  const { data: user } = useCurrentUser();
  const customer = useCustomer(customerId);
  const [editing, setEditing] = useState(false);
  const mayEdit = holdsAnyRole(user, editorRoles);

  if (customer.isPending) return <PageLoading />;
  if (customer.isError) return <ProblemAlert error={customer.error} />;
  const c = customer.data;

  return (
    <Flex vertical gap={16}>
      <Card
        title={<>{c.name} {c.keyCustomer && <Tag color="gold">{t('list.key')}</Tag>}</>}
        extra={mayEdit && !editing && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>{t('details.edit')}</Button>
        )}
      >
        {editing
          ? <CustomerEditForm customer={c} onDone={() => setEditing(false)} />
          : <CustomerDescriptions customer={c} />}
      </Card>
      <InstalledProductsCard customer={c} mayEdit={mayEdit} />
    </Flex>
  );
}

function CustomerDescriptions({ customer: c }: { customer: CustomerDetails }) {
  const { t } = useTranslation('customers');
  const days = durationToDays(c.visitInterval);
  const email = c.redacted.includes('email') ? t('details.redacted') : c.email;
  return (
    <Descriptions column={{ xs: 1, md: 2 }} items={[
      { key: 'company', label: t('fields.company'), children: c.company ?? '—' },
      { key: 'region', label: t('fields.region'), children: c.region ?? '—' },
      { key: 'email', label: t('fields.email'), children: email ?? '—' },
      { key: 'owner', label: t('fields.owner'), children: c.owner },
      { key: 'visitInterval', label: t('fields.visitInterval'), children: days ? t('details.everyDays', { count: days }) : '—' },
      {
        key: 'nextVisit',
        label: t('details.nextVisit'),
        children: c.nextVisit ? formatDateTime(c.nextVisit.dueAt) : '—',
      },
      { key: 'createdAt', label: t('details.createdAt'), children: formatDateTime(c.createdAt) },
    ]} />
  );
}
