import { Divider, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/dates';
import type { CaseDetails } from '../api';
import { AddCostForm } from './AddCostForm';

type CaseCost = CaseDetails['costs']['items'][number];

/** The costs booked on the case, their total, and the form to book another. */
export function CaseCosts({ caseId, costs }: { caseId: string; costs: CaseDetails['costs'] }) {
  const { t, i18n } = useTranslation('cases');
  const money = new Intl.NumberFormat(i18n.resolvedLanguage, { style: 'currency', currency: 'CNY' });
  const columns: TableColumnsType<CaseCost> = [
    { key: 'kind', title: t('costs.kind'), render: (_, c) => t(`costs.kinds.${c.kind}`, { defaultValue: c.kind }) },
    { key: 'amount', title: t('costs.amount'), align: 'right', render: (_, c) => money.format(Number(c.amount)) },
    { key: 'personTimes', title: t('costs.personTimes'), align: 'right', render: (_, c) => Number(c.personTimes) },
    { key: 'note', title: t('costs.note'), render: (_, c) => c.note ?? '—' },
    { key: 'by', title: t('costs.recordedBy'), render: (_, c) => c.recordedBy ?? '—' },
    { key: 'at', title: t('costs.at'), render: (_, c) => formatDateTime(c.at) },
  ];
  return (
    <>
      <Table
        aria-label={t('page.costs')}
        rowKey={(c) => String(c.id)}
        size="small"
        pagination={false}
        columns={columns}
        dataSource={costs.items}
        locale={{ emptyText: t('costs.none') }}
        scroll={{ x: 'max-content' }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('costs.total')}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Typography.Text strong>{money.format(Number(costs.total))}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} colSpan={4} />
          </Table.Summary.Row>
        )}
      />
      <Divider titlePlacement="start">{t('costs.add')}</Divider>
      <AddCostForm caseId={caseId} />
    </>
  );
}
