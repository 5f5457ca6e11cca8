import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { showSubmitError } from '../../../shared/forms';
import { useResetPassword, type User } from '../api';
import { minimumPasswordLength } from '../passwords';
import { useMessage } from '../../../shared/messages';

/** A new password an admin sets; the user's sessions end, and the admin tells them the new password. */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation('users');
  const notice = useMessage();
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword(user.userName);
  const [message, setMessage] = useState<string>();
  const title = t('reset.title', { name: user.displayName });

  return (
    <Modal open title={title} onCancel={onClose} onOk={form.submit} confirmLoading={reset.isPending}
      okText={t('reset.submit')} cancelText={t('form.cancel')} destroyOnHidden>
      <Form form={form} layout="vertical" aria-label={title} autoComplete="off"
        onFinish={({ password }) => {
          setMessage(undefined);
          reset.mutate(password, {
            onSuccess: () => {
              notice.success(t('reset.done', { name: user.displayName }));
              onClose();
            },
            onError: (e) => setMessage(showSubmitError(form, e, t)),
          });
        }}>
        <Form.Item name="password" label={t('reset.password')} extra={t('reset.help')} rules={[
          { required: true, message: t('form.required') },
          { min: minimumPasswordLength, message: t('form.tooShort', { count: minimumPasswordLength }) },
        ]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {message && <Alert type="error" showIcon title={message} />}
      </Form>
    </Modal>
  );
}
