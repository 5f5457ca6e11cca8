import { useState } from 'react';
import { Alert, Button, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { showSubmitError } from '../../../shared/forms';
import { useUpdateCustomer, type CustomerDetails } from '../api';
import { toCustomerForm, toCustomerRequest } from '../customerForm';
import { CustomerFields, type CustomerFormValues } from './CustomerFields';
import { useMessage } from '../../../shared/messages';

/** The customer's fields, editable; a changed visit interval reschedules the next visit (the server does it). */
export function CustomerEditForm({ customer, onDone }: { customer: CustomerDetails; onDone: () => void }) {
  const { t } = useTranslation('customers');
  const notice = useMessage();
  const [form] = Form.useForm<CustomerFormValues>();
  const update = useUpdateCustomer(customer.id);
  const [message, setMessage] = useState<string>();

  const submit = (values: CustomerFormValues) => {
    setMessage(undefined);
    update.mutate(toCustomerRequest(values), {
      onSuccess: () => {
        notice.success(t('details.saved'));
        onDone();
      },
      onError: (error) => setMessage(showSubmitError(form, error, t)),
    });
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} aria-label={t('details.editTitle')}
      initialValues={toCustomerForm(customer)} style={{ maxWidth: 640 }}>
      <CustomerFields />
      {message && <Alert type="error" showIcon title={message} style={{ marginBottom: 16 }} />}
      <Space>
        <Button type="primary" htmlType="submit" loading={update.isPending}>{t('form.save')}</Button>
        <Button onClick={onDone}>{t('form.cancel')}</Button>
      </Space>
    </Form>
  );
}
