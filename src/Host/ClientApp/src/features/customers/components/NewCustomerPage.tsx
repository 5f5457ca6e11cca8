import { useState } from 'react';
import { Alert, Button, Card, Form, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { showSubmitError } from '../../../shared/forms';
import { useCreateCustomer } from '../api';
import { toCustomerRequest } from '../customerForm';
import { CustomerFields, type CustomerFormValues } from './CustomerFields';

export function NewCustomerPage() {
  const { t } = useTranslation('customers');
  const [form] = Form.useForm<CustomerFormValues>();
  const create = useCreateCustomer();
  const navigate = useNavigate();
  const [message, setMessage] = useState<string>();

  const submit = (values: CustomerFormValues) => {
    setMessage(undefined);
    create.mutate(toCustomerRequest(values), {
      onSuccess: (customer) => navigate(`/customers/${customer.id}`, { replace: true }),
      onError: (error) => setMessage(showSubmitError(form, error, t)),
    });
  };

  return (
    <Card title={t('new.title')} style={{ maxWidth: 640 }}>
      <Form form={form} layout="vertical" onFinish={submit} aria-label={t('new.title')}
        initialValues={{ keyCustomer: false }}>
        <CustomerFields />
        {message && <Alert type="error" showIcon title={message} style={{ marginBottom: 16 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending}>{t('form.create')}</Button>
          <Link to="/customers"><Button>{t('form.cancel')}</Button></Link>
        </Space>
      </Form>
    </Card>
  );
}
