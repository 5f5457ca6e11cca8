import { Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../shared/dates';
import type { CaseDetails } from '../api';
import { textOf } from '../caseFields';
import { CaseStatusTag, EscalationTag } from './CaseStatusTag';
import { SlaBadge } from './SlaBadge';

/**
 * The top of the case page: number and state, then who and what it is about. Masked fields show as the server sent
 * them.
 */
export function CaseHeader({ details }: { details: CaseDetails }) {
  const { t } = useTranslation('cases');
  const c = details.customer;
  const p = details.product;
  const date = (value: string | undefined) => (value ? formatDate(value) : undefined);
  const items = [
    { key: 'kind', label: t('fields.kind'), children: t(`kinds.${details.kind}`, { defaultValue: details.kind }) },
    {
      key: 'channel',
      label: t('fields.channel'),
      children: t(`channels.${details.channel}`, { defaultValue: details.channel }),
    },
    { key: 'owner', label: t('fields.owner'), children: details.owner ?? '—' },
    { key: 'created', label: t('fields.createdAt'), children: formatDateTime(details.createdAt) },
    { key: 'customer', label: t('customer.name'), children: textOf(c, 'name') ?? '—' },
    { key: 'company', label: t('customer.company'), children: textOf(c, 'company') ?? '—' },
    { key: 'phone', label: t('customer.phone'), children: textOf(c, 'phone') ?? '—' },
    { key: 'email', label: t('customer.email'), children: textOf(c, 'email') ?? '—' },
    { key: 'region', label: t('customer.region'), children: textOf(c, 'region') ?? '—' },
    { key: 'model', label: t('product.model'), children: textOf(p, 'model') ?? '—' },
    { key: 'serial', label: t('product.serial'), children: textOf(p, 'serial') ?? '—' },
    { key: 'shipDate', label: t('product.shipDate'), children: date(textOf(p, 'shipDate')) ?? '—' },
    { key: 'warrantyEnd', label: t('product.warrantyEnd'), children: date(textOf(p, 'warrantyEnd')) ?? '—' },
    {
      key: 'quantities',
      label: t('create.quantities'),
      children: t('quantities.summary', { ...details.quantities }),
    },
    ...(details.closedAt
      ? [{ key: 'closed', label: t('fields.closedAt'), children: formatDateTime(details.closedAt) }]
      : []),
    {
      key: 'description',
      label: t('fields.description'),
      span: 'filled' as const,
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{details.description ?? '—'}</span>,
    },
  ];
  return (
    <Card>
      <Flex wrap gap={12} align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {details.number}
        </Typography.Title>
        <CaseStatusTag status={details.status} />
        <span>
          {t('fields.sla')}: <SlaBadge sla={details.sla} />
        </span>
        <span>
          {t('fields.escalation')}: <EscalationTag level={Number(details.escalation.level)} />
        </span>
      </Flex>
      <Descriptions aria-label={t('page.summary')} size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={items} />
    </Card>
  );
}
