import { Alert, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/dates';
import { ReadOnlyForm } from '../../../shared/forms/ReadOnlyForm';
import { titleOf } from '../../../shared/forms/schemaFields';
import { useFormSchema } from '../../../shared/forms/useFormSchema';
import { toLanguage } from '../../../shared/i18n/languages';
import type { CaseDetails } from '../api';

type CaseForm = CaseDetails['forms'][string];

/** Every form filled on the case (the latest filling of each), read-only, laid out from its schema. */
export function CaseForms({ forms }: { forms: CaseDetails['forms'] }) {
  const { t } = useTranslation('cases');
  const entries = Object.entries(forms);
  if (entries.length === 0) return <Empty description={t('forms.none')} />;
  return (
    <Flex vertical gap={16}>
      {entries.map(([name, form]) => (
        <FilledForm key={name} name={name} form={form} />
      ))}
    </Flex>
  );
}

function FilledForm({ name, form }: { name: string; form: CaseForm }) {
  const { t, i18n } = useTranslation('cases');
  const schema = useFormSchema(name);
  const title = titleOf(schema.data, toLanguage(i18n.resolvedLanguage) ?? 'zh-CN', name);
  const data = form.data !== null && typeof form.data === 'object' ? (form.data as Record<string, unknown>) : {};
  return (
    <Card size="small" title={title} role="region" aria-label={title}>
      <Typography.Paragraph type="secondary">
        {t('forms.filledBy', {
          task: form.title,
          who: form.completedBy ?? '—',
          at: form.completedAt ? formatDateTime(form.completedAt) : '—',
        })}
      </Typography.Paragraph>
      {schema.isPending && <Skeleton active />}
      {schema.error && <Alert type="warning" showIcon title={t('forms.schemaMissing', { name })} />}
      {schema.data && <ReadOnlyForm schema={schema.data} data={data} label={title} />}
    </Card>
  );
}
