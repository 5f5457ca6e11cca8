import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** Why: asked for when the chosen outcome needs a reason (the task's `reasonRequiredFor` says which do). */
export function ReasonField({ value, onChange, errors }: { value: string; onChange: (value: string) => void; errors: string[] }) {
  const { t } = useTranslation('tasks');
  return (
    <Form layout="vertical" component="div">
      <Form.Item
        label={t('reason')}
        htmlFor="task-reason"
        required
        validateStatus={errors.length > 0 ? 'error' : undefined}
        help={errors.length > 0 ? errors.join(' ') : t('reasonHelp')}
      >
        <Input.TextArea id="task-reason" rows={3} autoFocus value={value} onChange={(e) => onChange(e.target.value)} />
      </Form.Item>
    </Form>
  );
}
