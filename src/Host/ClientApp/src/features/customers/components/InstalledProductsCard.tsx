import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../shared/dates';
import type { CustomerDetails, InstalledProduct } from '../api';
import { durationToDays } from '../intervals';
import { ProductFormModal } from './ProductFormModal';

/** The customer's installed products with their next inspection; editors add and edit them in a dialog. */
export function InstalledProductsCard({ customer, mayEdit }: { customer: CustomerDetails; mayEdit: boolean }) {
  const { t } = useTranslation('customers');
  // undefined: closed; null: adding one; a product: editing it.
  const [open, setOpen] = useState<InstalledProduct | null>();

  return (
    <Card
      title={t('products.title')}
      extra={mayEdit && <Button icon={<PlusOutlined />} onClick={() => setOpen(null)}>{t('products.add')}</Button>}
    >
      <Table<InstalledProduct>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={customer.products}
        locale={{ emptyText: t('products.empty') }}
        columns={[
          { title: t('products.model'), dataIndex: 'model' },
          { title: t('products.serial'), dataIndex: 'serial', render: (serial: string | null) => serial ?? '—' },
          { title: t('products.installedAt'), dataIndex: 'installedAt', render: (day: string) => formatDate(day) },
          {
            title: t('products.inspectionInterval'),
            dataIndex: 'inspectionInterval',
            render: (interval: string) => t('details.everyDays', { count: durationToDays(interval) ?? 0 }),
          },
          {
            title: t('products.nextInspection'),
            dataIndex: 'nextInspection',
            render: (_, p) => (p.nextInspection ? formatDateTime(p.nextInspection.dueAt) : '—'),
          },
          { title: t('fields.owner'), dataIndex: 'owner' },
          ...(mayEdit
            ? [{
              title: t('products.actions'),
              key: 'actions',
              render: (_: unknown, p: InstalledProduct) => (
                <Button size="small" onClick={() => setOpen(p)} aria-label={t('products.editOf', { model: p.model })}>
                  {t('products.edit')}
                </Button>
              ),
            }]
            : []),
        ]}
      />
      {open !== undefined && (
        <ProductFormModal customerId={customer.id} product={open ?? undefined} onClose={() => setOpen(undefined)} />
      )}
    </Card>
  );
}
