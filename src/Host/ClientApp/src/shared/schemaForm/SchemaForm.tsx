import { useMemo } from 'react';
import Form from '@rjsf/antd';
import { Typography } from 'antd';
import { englishStringTranslator, TranslatableString, type ErrorSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useTranslation } from 'react-i18next';
import { toLanguage } from '../i18n/languages';
import { prepareSchema } from './prepareSchema';
import './SchemaForm.css';

export type FormData = Record<string, unknown>;

interface SchemaFormProps {
  /** The form's JSON Schema as the server serves it (`GET /api/forms/{name}`). */
  schema: unknown;
  formData: FormData;
  onChange?: (data: FormData) => void;
  /** The server's errors at their fields (see splitServerErrors). */
  errors?: ErrorSchema;
  readonly?: boolean;
  disabled?: boolean;
}

/**
 * A form rendered from its schema, labelled in the person's language. It has no submit button of its own: the page
 * around it decides what submits it (a task's outcome buttons). The server checks what is submitted and its 400 comes
 * back through `errors`, so the rules live in one place and the messages read alike.
 */
export function SchemaForm({ schema, formData, onChange, errors, readonly, disabled }: SchemaFormProps) {
  const { t, i18n } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage) ?? 'zh-CN';
  // The form's own title and description head it, as text, rather than as the renderer's first field label.
  const { title, description, ...fields } = useMemo(() => prepareSchema(schema, language), [schema, language]);

  const translate = (text: TranslatableString, params?: string[]) => {
    const key = translatedStrings[text];
    const english = englishStringTranslator(text, params);
    return key ? t(`schemaForm.${key}`, { defaultValue: english }) : english;
  };

  return (
    <div className="schema-form">
      {title && <Typography.Title level={5}>{title}</Typography.Title>}
      {description && <Typography.Paragraph type="secondary">{description}</Typography.Paragraph>}
      <Form
        schema={fields}
        validator={validator}
        formData={formData}
        onChange={(event) => onChange?.((event.formData ?? {}) as FormData)}
        extraErrors={errors}
        noValidate
        showErrorList={false}
        readonly={readonly}
        disabled={disabled}
        translateString={translate}
        uiSchema={{ 'ui:submitButtonOptions': { norender: true } }}
      />
    </div>
  );
}

// The renderer's own words a person sees; the rest stay as the renderer says them.
const translatedStrings: Partial<Record<TranslatableString, string>> = {
  [TranslatableString.AddItemButton]: 'addItem',
  [TranslatableString.AddButton]: 'add',
  [TranslatableString.RemoveButton]: 'remove',
  [TranslatableString.MoveUpButton]: 'moveUp',
  [TranslatableString.MoveDownButton]: 'moveDown',
  [TranslatableString.CopyButton]: 'copy',
  [TranslatableString.YesLabel]: 'yes',
  [TranslatableString.NoLabel]: 'no',
  [TranslatableString.ArrayItemTitle]: 'item',
  [TranslatableString.EmptyArray]: 'emptyList',
  [TranslatableString.ErrorsLabel]: 'errors',
  [TranslatableString.AriaDateLabel]: 'pickDate',
  [TranslatableString.ClearLabel]: 'clear',
  [TranslatableString.NowLabel]: 'now',
};
