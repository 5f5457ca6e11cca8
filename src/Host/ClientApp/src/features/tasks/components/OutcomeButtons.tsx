import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The task's outcomes, one button each: choosing one completes the task with it. */
export function OutcomeButtons({
  outcomes,
  hasForm,
  pending,
  onChoose,
}: {
  outcomes: readonly string[];
  /** Whether a form above is submitted with the outcome (the prompt then asks for it to be filled in first). */
  hasForm: boolean;
  /** The outcome being submitted, if any. */
  pending?: string;
  onChoose: (outcome: string) => void;
}) {
  const { t } = useTranslation('tasks');
  return (
    <Space direction="vertical" size={4}>
      <Typography.Text type="secondary">{t(hasForm ? 'chooseOutcome' : 'chooseOutcomeOnly')}</Typography.Text>
      <Space wrap role="group" aria-label={t('outcomesLabel')}>
        {outcomes.map((outcome, index) => {
          const label = t(`outcomes.${outcome}`, { defaultValue: outcome });
          // Named by the outcome alone: antd's spinner ("loading") lingers in the button while it fades out.
          return (
            <Button
              key={outcome}
              type={index === 0 ? 'primary' : 'default'}
              loading={pending === outcome}
              disabled={pending !== undefined && pending !== outcome}
              aria-label={label}
              aria-busy={pending === outcome}
              onClick={() => onChoose(outcome)}
            >
              {label}
            </Button>
          );
        })}
      </Space>
    </Space>
  );
}
