import { Alert, Card, Descriptions, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { textOf } from '../../../shared/cases';
import { useCase } from '../api';
import { SlaStatus } from './SlaStatus';

/** What the task is about: the case's number, kind, status, customer, product, description and SLA. */
export function CaseSummaryCard({ caseId }: { caseId: string }) {
  const { t } = useTranslation('tasks');
  const found = useCase(caseId);
  if (found.isPending) return <Card><Skeleton active paragraph={{ rows: 2 }} /></Card>;
  if (found.error) return <Alert type="warning" showIcon title={t('caseLoadFailed')} />;

  const c = found.data;
  const customer = [textOf(c.customer, 'name'), textOf(c.customer, 'company')].filter(Boolean).join(' · ');
  const product = [textOf(c.product, 'model'), textOf(c.product, 'serial')].filter(Boolean).join(' · ');
  return (
    <Card size="small" title={t('case.title')} aria-label={t('case.title')}>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }}>
        <Descriptions.Item label={t('case.number')}>
          <Link to={`/cases/${encodeURIComponent(c.id)}`}>{c.number}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('case.kind')}>{t(`common:caseKinds.${c.kind}`, { defaultValue: c.kind })}</Descriptions.Item>
        <Descriptions.Item label={t('case.status')}>
          <Tag>{t(`common:caseStatuses.${c.status}`, { defaultValue: c.status })}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('case.sla')}>
          <SlaStatus sla={c.sla} />
        </Descriptions.Item>
        <Descriptions.Item label={t('case.customer')}>{customer || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('case.product')}>{product || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('case.description')} span={2}>
          <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 3, expandable: true }}>
            {c.description || '—'}
          </Typography.Paragraph>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
