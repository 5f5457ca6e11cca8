import { Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../dates';
import { toLanguage, type Language } from '../i18n/languages';
import { fieldsOf, type Field, type FieldSchema } from './schemaFields';

type FormData = Record<string, unknown>;

/**
 * A filled form shown read-only, laid out from its JSON Schema: labels from the schema (Chinese from `x-title-zh`),
 * dates in the person's format, lists of objects as tables. Used where a form is looked at, not edited.
 */
export function ReadOnlyForm({ schema, data, label }: { schema: FieldSchema; data: FormData; label: string }) {
  const { i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage) ?? 'zh-CN';
  return <FieldList schema={schema} data={data} language={language} label={label} />;
}

interface FieldListProps {
  schema: FieldSchema;
  data: FormData;
  language: Language;
  label: string;
}

function FieldList({ schema, data, language, label }: FieldListProps) {
  const fields = fieldsOf(schema, data, language);
  return (
    <Descriptions
      aria-label={label}
      bordered
      size="small"
      column={1}
      styles={{ label: { width: 200 } }}
      items={fields.map((field) => ({
        key: field.key,
        label: field.label,
        children: <FieldValue field={field} value={data[field.key]} language={language} />,
      }))}
    />
  );
}

function FieldValue({ field, value, language }: { field: Field; value: unknown; language: Language }) {
  const { t } = useTranslation();
  if (value === undefined || value === null || value === '')
    return <Typography.Text type="secondary">—</Typography.Text>;
  switch (field.kind) {
    case 'boolean':
      return <>{value ? t('forms.yes') : t('forms.no')}</>;
    case 'date':
      return <>{formatDate(String(value))}</>;
    case 'dateTime':
      return <>{formatDateTime(String(value))}</>;
    case 'object':
      return <FieldList schema={field.schema} data={value as FormData} language={language} label={field.label} />;
    case 'table':
      return <ValueTable field={field} rows={value as FormData[]} language={language} />;
    case 'list':
      return <>{(value as unknown[]).map(String).join(t('listSeparator'))}</>;
    default:
      return <span style={{ whiteSpace: 'pre-wrap' }}>{String(value)}</span>;
  }
}

function ValueTable({ field, rows, language }: { field: Field; rows: FormData[]; language: Language }) {
  const columns = fieldsOf(field.schema.items ?? {}, rows[0], language);
  return (
    <Table
      aria-label={field.label}
      size="small"
      pagination={false}
      rowKey={(_, index) => String(index)}
      dataSource={rows}
      columns={columns.map((column) => ({
        key: column.key,
        title: column.label,
        render: (_: unknown, row: FormData) => (
          <FieldValue field={column} value={row[column.key]} language={language} />
        ),
      }))}
    />
  );
}
