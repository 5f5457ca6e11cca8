import { useState } from 'react';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/problems';
import { LanguageSwitch } from '../../../shared/components/LanguageSwitch';
import { PageLoading } from '../../../shared/components/PageLoading';
import { showServerErrors } from '../../../shared/forms';
import { safeReturnTo } from '../../../shared/returnTo';
import { useCurrentUser } from '../../../shared/session';
import { useSignIn } from '../api';

interface SignInFields {
  userName: string;
  password: string;
}

export default function SignInPage() {
  const { t } = useTranslation('auth');
  const [form] = Form.useForm<SignInFields>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const returnTo = safeReturnTo(params.get('returnTo'));
  const { data: user, isPending } = useCurrentUser();
  const signIn = useSignIn();
  const [message, setMessage] = useState<string>();
  const { token } = theme.useToken();

  if (isPending) return <PageLoading />;
  if (user && !signIn.isPending) return <Navigate to={returnTo} replace />;

  const submit = (fields: SignInFields) => {
    setMessage(undefined);
    signIn.mutate(fields, {
      onSuccess: () => navigate(returnTo, { replace: true }),
      onError: (error) => {
        form.setFieldValue('password', '');
        const unplaced = showServerErrors(form, error);
        setMessage(signInFailure(error, t) ?? unplaced.join(' '));
      },
    });
  };

  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', background: '#f5f5f5', padding: 16 }}>
      {/* A plain panel, not antd's Card: Card brings Tabs and Skeleton into the first download (bench/web-bundle.sh). */}
      <section
        style={{
          width: '100%',
          maxWidth: 380,
          padding: token.paddingLG,
          background: token.colorBgContainer,
          borderRadius: token.borderRadiusLG,
          boxShadow: token.boxShadowTertiary,
        }}
      >
        <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('common:appName')}
          </Typography.Title>
          <LanguageSwitch />
        </Flex>
        <Typography.Paragraph type="secondary">{t('signIn.intro')}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} aria-label={t('signIn.title')}>
          <Form.Item name="userName" label={t('signIn.userName')} rules={[{ required: true, message: t('signIn.userNameRequired') }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label={t('signIn.password')} rules={[{ required: true, message: t('signIn.passwordRequired') }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {message && <Alert type="error" showIcon title={message} style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
            {t('signIn.submit')}
          </Button>
        </Form>
      </section>
    </Flex>
  );
}

function signInFailure(error: unknown, t: (key: string, options?: Record<string, unknown>) => string) {
  if (!(error instanceof ApiError)) return t('common:errors.network');
  if (error.status === 401) return t('signIn.wrongCredentials');
  if (error.status === 429) return t('signIn.tooManyAttempts');
  if (error.status >= 500) return t('common:errors.server', { status: error.status });
  return undefined;
}
