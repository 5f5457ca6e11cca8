import { useState } from 'react';
import { Alert, Button, Card, Col, Divider, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api/problems';
import { showServerErrors } from '../../../shared/forms';
import { useOpenCase } from '../api';
import { caseChannels, caseKinds } from '../filters';
import { toOpenCaseRequest, type NewCaseFields } from '../newCaseBody';
import { createRequestKeys } from '../requestKeys';
import { CustomerFields, ProductFields } from './NewCaseFields';

/** 新建工单: anyone signed in records a request; on success the case page opens. */
export function NewCasePage() {
  const { t } = useTranslation('cases');
  const [form] = Form.useForm<NewCaseFields>();
  const navigate = useNavigate();
  const openCase = useOpenCase();
  const [keyFor] = useState(() => createRequestKeys());
  const [message, setMessage] = useState<string>();
  const required = [{ required: true, whitespace: true, message: t('create.required') }];

  const submit = (fields: NewCaseFields) => {
    setMessage(undefined);
    const body = toOpenCaseRequest(fields);
    openCase.mutate(
      { body, key: keyFor(body) },
      {
        onSuccess: (opened) => navigate(`/cases/${opened.id}`),
        onError: (error) => setMessage(failure(error, showServerErrors(form, error), t)),
      },
    );
  };

  return (
    <Card>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('create.title')}
      </Typography.Title>
      <Form<NewCaseFields>
        form={form}
        layout="vertical"
        aria-label={t('create.title')}
        initialValues={{ kind: 'complaint', channel: 'phone' }}
        onFinish={submit}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('fields.kind')} rules={required}>
              <Select options={caseKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="channel" label={t('fields.channel')} rules={required}>
              <Select options={caseChannels.map((channel) => ({ value: channel, label: t(`channels.${channel}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">{t('create.customer')}</Divider>
        <CustomerFields />
        <Divider titlePlacement="start">{t('create.product')}</Divider>
        <ProductFields />
        <Form.Item name="description" label={t('fields.description')} rules={required}>
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
        {message && <Alert type="error" showIcon title={message} style={{ marginBottom: 16 }} />}
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={openCase.isPending}>
            {t('create.submit')}
          </Button>
          <Button onClick={() => navigate('/cases')}>{t('create.cancel')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}

function failure(error: unknown, unplaced: string[], t: (key: string, options?: Record<string, unknown>) => string) {
  if (!(error instanceof ApiError)) return t('common:errors.network');
  if (error.status === 400) return unplaced.length > 0 ? unplaced.join(' ') : t('create.fixFields');
  if (error.status === 409) return t('create.noWorkflow', { detail: error.problem.detail ?? error.message });
  if (error.status === 503) return t('create.busy');
  if (error.status >= 500) return t('common:errors.server', { status: error.status });
  return error.message;
}
