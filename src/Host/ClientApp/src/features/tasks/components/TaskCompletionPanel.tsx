import { useState } from 'react';
import { Alert, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../shared/api/problems';
import type { components } from '../../../shared/api/schema';
import { SchemaForm, type FormData } from '../../../shared/schemaForm/SchemaForm';
import { localizeServerErrors } from '../../../shared/schemaForm/serverMessages';
import type { InboxNotice } from '../../../shared/tasks';
import { useCompleteTask, useFormSchema } from '../api';
import { completionErrors, type CompletionErrors } from '../completionErrors';
import { lacksReason } from '../reasons';
import { OutcomeButtons } from './OutcomeButtons';
import { ReasonField } from './ReasonField';

type TaskView = components['schemas']['TaskView'];

const noErrors: CompletionErrors = { form: {}, reason: [], general: [] };

/**
 * The task's form (rendered from its schema) and its outcomes: choosing one submits. An outcome the task names in
 * `reasonRequiredFor` first asks for the reason when none is given (at the form's own `reason` field, else at a reason
 * field shown below the form). The server judges the rest; a 400 comes back at the fields it names, a 409 (finished by
 * someone else meanwhile) sends the person back to the inbox.
 */
export function TaskCompletionPanel({ task }: { task: TaskView }) {
  const { t } = useTranslation('tasks');
  const navigate = useNavigate();
  const schema = useFormSchema(task.form);
  const complete = useCompleteTask(task.id, task.caseId);
  const [formData, setFormData] = useState<FormData>({});
  const [reason, setReason] = useState('');
  const [reasonAsked, setReasonAsked] = useState(false);
  const [errors, setErrors] = useState<CompletionErrors>(noErrors);
  const formHasReason = hasField(schema.data, 'reason');

  // Awaited rather than through mutate's callbacks: the refresh after the write may show the task done and unmount
  // this panel first, and mutate's callbacks do not run for an unmounted component.
  const submit = async (outcome: string) => {
    setErrors(noErrors);
    if (lacksReason(task.reasonRequiredFor, outcome, formHasReason ? formData.reason : reason)) {
      const message = t('reasonNeeded', { outcome: t(`outcomes.${outcome}`, { defaultValue: outcome }) });
      setReasonAsked(true);
      // Placed as the server's own refusal would be: at the form's reason field, else at the page's.
      setErrors(completionErrors({ 'form.reason': [message] }, formHasReason));
      return;
    }
    const form = task.form ? formData : reasonAsked && reason.trim() ? { reason } : undefined;
    try {
      await complete.mutateAsync({ outcome, form });
      backToInbox(t('completed', { title: task.title }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) return backToInbox(t('conflict'));
      if (error instanceof ApiError && error.status === 400) {
        const found = completionErrors(localizeServerErrors(error.problem.errors, t), formHasReason);
        if (found.reason.length > 0) setReasonAsked(true);
        const placed = Object.keys(found.form).length + found.reason.length + found.general.length > 0;
        setErrors(placed ? found : { ...found, general: [error.message] });
      } else if (error instanceof ApiError && error.status === 403) setErrors({ ...noErrors, general: [t('common:errors.forbidden')] });
      else setErrors({ ...noErrors, general: [t('common:errors.network')] });
    }
  };

  const backToInbox = (notice: string) => navigate('/inbox', { state: { notice } satisfies InboxNotice });

  if (task.form && schema.isPending) return <Skeleton active />;
  if (task.form && schema.error) return <Alert type="error" showIcon title={t('formLoadFailed', { form: task.form })} />;

  return (
    <Flex vertical gap={16}>
      {task.form && (
        <section aria-label={t('formLabel')}>
          <SchemaForm
            schema={schema.data}
            formData={formData}
            onChange={setFormData}
            errors={errors.form}
            disabled={complete.isPending}
          />
        </section>
      )}
      {reasonAsked && !formHasReason && <ReasonField value={reason} onChange={setReason} errors={errors.reason} />}
      {errors.general.length > 0 && <Alert type="error" showIcon title={errors.general.join(' ')} />}
      <OutcomeButtons
        outcomes={task.outcomes}
        hasForm={!!task.form}
        pending={complete.isPending ? complete.variables?.outcome : undefined}
        onChoose={(outcome) => void submit(outcome)}
      />
    </Flex>
  );
}

function hasField(schema: unknown, name: string): boolean {
  const properties = (schema as { properties?: unknown } | undefined)?.properties;
  return typeof properties === 'object' && properties !== null && name in properties;
}
