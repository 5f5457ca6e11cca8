import { Form, Input, InputNumber, Switch } from 'antd';
import { useTranslation } from 'react-i18next';

/** What the form holds: the API's customer, with the visit interval in days. */
export interface CustomerFormValues {
  name: string;
  company?: string;
  region?: string;
  email?: string;
  keyCustomer: boolean;
  visitInterval?: number;
  owner?: string;
}

/** The customer's fields, the same when creating and editing; names are the API's JSON paths (field errors land here). */
export function CustomerFields() {
  const { t } = useTranslation('customers');
  const keyCustomer = Form.useWatch<boolean>('keyCustomer');
  const required = { required: true, message: t('form.required') };
  return (
    <>
      <Form.Item name="name" label={t('fields.name')} rules={[required]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="company" label={t('fields.company')}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="region" label={t('fields.region')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="email" label={t('fields.email')}>
        <Input type="email" maxLength={200} />
      </Form.Item>
      <Form.Item name="keyCustomer" label={t('fields.keyCustomer')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="visitInterval" label={t('fields.visitInterval')} extra={t('form.visitIntervalHelp')}
        rules={keyCustomer ? [required] : []}>
        <InputNumber min={1} max={3650} addonAfter={t('form.days')} style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="owner" label={t('fields.owner')} extra={t('form.ownerHelp')}>
        <Input maxLength={64} />
      </Form.Item>
    </>
  );
}
