import { useState } from 'react';
import { Alert, Button, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/problems';
import { showServerErrors } from '../../../shared/forms';
import { useAddCost, type NewCostRequest } from '../api';
import { useMessage } from '../../../shared/messages';

export const costKinds = ['labour', 'material', 'transport', 'travel', 'installation', 'commissioning'] as const;

interface CostFields {
  kind?: NewCostRequest['kind'];
  amount?: number | null;
  personTimes?: number | null;
  note?: string;
}

/** 添加费用: books a cost on the case; the server's refusals show at their fields. */
export function AddCostForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation('cases');
  const message = useMessage();
  const [form] = Form.useForm<CostFields>();
  const addCost = useAddCost(caseId);
  const [problem, setProblem] = useState<string>();

  const submit = (fields: CostFields) => {
    setProblem(undefined);
    // Required fields are left to the server, which names them: the form shows what it says.
    const body = {
      kind: fields.kind,
      amount: fields.amount ?? undefined,
      personTimes: fields.personTimes ?? undefined,
      note: fields.note?.trim() || undefined,
    } as NewCostRequest;
    addCost.mutate(body, {
      onSuccess: () => {
        form.resetFields();
        void message.success(t('costs.added'));
      },
      onError: (error) => {
        const unplaced = showServerErrors(form, error);
        if (!(error instanceof ApiError)) setProblem(t('common:errors.network'));
        else if (error.status !== 400 || unplaced.length > 0) setProblem(unplaced.join(' ') || error.message);
      },
    });
  };

  return (
    <Form<CostFields>
      form={form}
      name="cost"
      layout="inline"
      aria-label={t('costs.add')}
      onFinish={submit}
      style={{ rowGap: 8 }}
    >
      <Form.Item name="kind" label={t('costs.kind')}>
        <Select
          style={{ width: 160 }}
          options={costKinds.map((kind) => ({ value: kind, label: t(`costs.kinds.${kind}`) }))}
        />
      </Form.Item>
      <Form.Item name="amount" label={t('costs.amount')}>
        <InputNumber style={{ width: 140 }} precision={2} />
      </Form.Item>
      <Form.Item name="personTimes" label={t('costs.personTimes')}>
        <InputNumber style={{ width: 100 }} precision={0} min={0} />
      </Form.Item>
      <Form.Item name="note" label={t('costs.note')}>
        <Input style={{ width: 220 }} maxLength={2000} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={addCost.isPending}>
          {t('costs.add')}
        </Button>
      </Form.Item>
      {problem && <Alert type="error" showIcon title={problem} style={{ width: '100%', marginTop: 8 }} />}
    </Form>
  );
}
