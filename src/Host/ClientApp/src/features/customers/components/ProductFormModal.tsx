import { useState } from 'react';
import { Alert, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { showSubmitError } from '../../../shared/forms';
import { useSaveProduct, type InstalledProduct } from '../api';
import { daysToDuration, durationToDays } from '../intervals';

interface ProductFormValues {
  model: string;
  serial?: string;
  installedAt: Dayjs;
  inspectionInterval?: number;
  owner?: string;
}

/** Adds an installed product, or edits one; a changed interval or day reschedules the next inspection. */
export function ProductFormModal({ customerId, product, onClose }: {
  customerId: string;
  product?: InstalledProduct;
  onClose: () => void;
}) {
  const { t } = useTranslation('customers');
  const [form] = Form.useForm<ProductFormValues>();
  const save = useSaveProduct(customerId);
  const [message, setMessage] = useState<string>();
  const title = product ? t('products.editTitle', { model: product.model }) : t('products.addTitle');
  const required = { required: true, message: t('form.required') };

  const submit = (values: ProductFormValues) => {
    setMessage(undefined);
    const body = {
      model: values.model.trim(),
      serial: values.serial?.trim() || null,
      installedAt: values.installedAt.format('YYYY-MM-DD'),
      inspectionInterval: daysToDuration(values.inspectionInterval),
      owner: values.owner?.trim() || null,
    };
    save.mutate({ productId: product?.id, body }, {
      onSuccess: onClose,
      onError: (error) => setMessage(showSubmitError(form, error, t)),
    });
  };

  return (
    <Modal open title={title} onCancel={onClose} onOk={form.submit} confirmLoading={save.isPending}
      okText={t('form.save')} cancelText={t('form.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} aria-label={title} initialValues={product && {
        model: product.model,
        serial: product.serial ?? undefined,
        installedAt: dayjs(product.installedAt),
        inspectionInterval: durationToDays(product.inspectionInterval),
        owner: product.owner,
      }}>
        <Form.Item name="model" label={t('products.model')} rules={[required]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="serial" label={t('products.serial')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="installedAt" label={t('products.installedAt')} rules={[required]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="inspectionInterval" label={t('products.inspectionInterval')} extra={t('products.intervalHelp')}>
          <InputNumber min={1} max={3650} addonAfter={t('form.days')} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="owner" label={t('fields.owner')} extra={t('products.ownerHelp')}>
          <Input maxLength={64} />
        </Form.Item>
        {message && <Alert type="error" showIcon title={message} />}
      </Form>
    </Modal>
  );
}
