import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/problems';
import { showSubmitError } from '../../../shared/forms';
import { useCreateUser, type NewUser } from '../api';
import { minimumPasswordLength } from '../passwords';
import { RolePicker } from './RolePicker';

/** A new account: the admin tells the person the initial password, and they change it after signing in. */
export function NewUserModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('users');
  const [form] = Form.useForm<NewUser>();
  const create = useCreateUser();
  const [message, setMessage] = useState<string>();
  const required = { required: true, message: t('form.required') };

  const submit = ({ email, ...values }: NewUser) => {
    setMessage(undefined);
    create.mutate({ ...values, userName: values.userName.trim(), email: email?.trim() || null }, {
      onSuccess: onClose,
      onError: (error) => {
        // The server's 409 is about the user name only (it is taken): said at that field, where it is fixed.
        if (error instanceof ApiError && error.status === 409 && error.problem.detail) {
          form.setFields([{ name: 'userName', errors: [error.problem.detail] }]);
        } else {
          setMessage(showSubmitError(form, error, t));
        }
      },
    });
  };

  return (
    <Modal open title={t('new.title')} onCancel={onClose} onOk={form.submit} confirmLoading={create.isPending}
      okText={t('new.create')} cancelText={t('form.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} aria-label={t('new.title')} autoComplete="off">
        <Form.Item name="userName" label={t('fields.userName')} extra={t('new.userNameHelp')} rules={[required]}>
          <Input maxLength={64} autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('fields.displayName')} rules={[required]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="email" label={t('fields.email')}>
          <Input type="email" maxLength={200} />
        </Form.Item>
        <Form.Item name="roles" label={t('fields.roles')} rules={[required]}>
          <RolePicker />
        </Form.Item>
        <Form.Item name="password" label={t('new.password')} extra={t('new.passwordHelp')} rules={[
          required,
          { min: minimumPasswordLength, message: t('form.tooShort', { count: minimumPasswordLength }) },
        ]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {message && <Alert type="error" showIcon title={message} />}
      </Form>
    </Modal>
  );
}
