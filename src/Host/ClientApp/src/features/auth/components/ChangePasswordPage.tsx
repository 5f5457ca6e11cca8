import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/problems';
import { showServerErrors } from '../../../shared/forms';
import { useChangePassword } from '../api';

interface PasswordFields {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** The Host's minimum (UserSeedOptions.MinimumPasswordLength); the server checks it too. */
const minimumLength = 8;

/** The signed-in person's own password; a change ends their other sessions, this one stays signed in. */
export function ChangePasswordPage() {
  const { t } = useTranslation('auth');
  const [form] = Form.useForm<PasswordFields>();
  const change = useChangePassword();
  const [message, setMessage] = useState<string>();
  const [changed, setChanged] = useState(false);

  const submit = ({ currentPassword, newPassword }: PasswordFields) => {
    setMessage(undefined);
    setChanged(false);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          setChanged(true);
        },
        onError: (error) => {
          const unplaced = showServerErrors(form, error);
          if (error instanceof ApiError && error.problem.errors?.currentPassword)
            form.setFields([{ name: 'currentPassword', errors: [t('changePassword.currentWrong')] }]);
          else if (error instanceof ApiError && error.status === 429) setMessage(t('signIn.tooManyAttempts'));
          else if (unplaced.length > 0 || !(error instanceof ApiError)) setMessage(unplaced.join(' ') || t('common:errors.network'));
        },
      },
    );
  };

  return (
    <Card style={{ maxWidth: 480 }}>
      <Typography.Title level={3}>{t('changePassword.title')}</Typography.Title>
      <Form form={form} layout="vertical" onFinish={submit} aria-label={t('changePassword.title')}>
        <Form.Item name="currentPassword" label={t('changePassword.current')} rules={[{ required: true, message: t('changePassword.required') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('changePassword.new')}
          rules={[
            { required: true, message: t('changePassword.required') },
            { min: minimumLength, message: t('changePassword.tooShort', { count: minimumLength }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('changePassword.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('changePassword.required') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('changePassword.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {changed && <Alert type="success" showIcon title={t('changePassword.changed')} style={{ marginBottom: 16 }} />}
        {message && <Alert type="error" showIcon title={message} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('changePassword.submit')}
        </Button>
      </Form>
    </Card>
  );
}
