import { useState } from 'react';
import { Alert, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { showSubmitError } from '../../../shared/forms';
import { useSetRoles, type User } from '../api';
import { RolePicker } from './RolePicker';

/** The user's roles from now on; they apply at the user's next request. */
export function UserRolesModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation('users');
  const [form] = Form.useForm<{ roles: string[] }>();
  const setRoles = useSetRoles(user.userName);
  const [message, setMessage] = useState<string>();
  const title = t('roles.title', { name: user.displayName });

  return (
    <Modal open title={title} onCancel={onClose} onOk={form.submit} confirmLoading={setRoles.isPending}
      okText={t('form.save')} cancelText={t('form.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" aria-label={title} initialValues={{ roles: user.roles }}
        onFinish={({ roles }) => {
          setMessage(undefined);
          setRoles.mutate(roles, { onSuccess: onClose, onError: (e) => setMessage(showSubmitError(form, e, t)) });
        }}>
        <Form.Item name="roles" label={t('fields.roles')} rules={[{ required: true, message: t('form.required') }]}>
          <RolePicker />
        </Form.Item>
        {message && <Alert type="error" showIcon title={message} />}
      </Form>
    </Modal>
  );
}
