import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/dates';
import type { CaseView } from '../api';
import { customerLabel, textOf } from '../caseFields';
import { CaseStatusTag, EscalationTag } from './CaseStatusTag';
import { SlaBadge } from './SlaBadge';

interface CaseTableProps {
  cases: CaseView[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

/** One page of cases; the server pages, filters and orders (newest first). */
export function CaseTable({ cases, total, page, pageSize, loading, onPage }: CaseTableProps) {
  const { t } = useTranslation('cases');
  const columns: TableColumnsType<CaseView> = [
    { key: 'number', title: t('fields.number'), render: (_, c) => <Link to={`/cases/${c.id}`}>{c.number}</Link> },
    { key: 'kind', title: t('fields.kind'), render: (_, c) => t(`kinds.${c.kind}`, { defaultValue: c.kind }) },
    { key: 'status', title: t('fields.status'), render: (_, c) => <CaseStatusTag status={c.status} /> },
    { key: 'customer', title: t('fields.customer'), render: (_, c) => customerLabel(c.customer) },
    { key: 'product', title: t('fields.product'), render: (_, c) => textOf(c.product, 'model') ?? '—' },
    { key: 'owner', title: t('fields.owner'), render: (_, c) => c.owner ?? '—' },
    { key: 'sla', title: t('fields.sla'), render: (_, c) => <SlaBadge sla={c.sla} /> },
    {
      key: 'escalation',
      title: t('fields.escalation'),
      render: (_, c) => <EscalationTag level={Number(c.escalation.level)} />,
    },
    {
      key: 'created',
      title: t('fields.createdAt'),
      render: (_, c) => formatDateTime(c.createdAt),
      responsive: ['lg'],
    },
  ];
  return (
    <Table
      aria-label={t('list.title')}
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={cases}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal: (count) => t('list.total', { count }),
        onChange: onPage,
      }}
    />
  );
}
