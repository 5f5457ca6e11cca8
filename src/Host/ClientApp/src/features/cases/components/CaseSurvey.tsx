import { Descriptions, Empty, Flex, Rate, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/dates';
import { surveyRating, surveyState, type CaseSurvey as Survey } from '../survey';

const stateColours = { waiting: 'processing', expired: 'default', answered: 'success' } as const;

/** The satisfaction survey sent to the customer (the latest): when it went out and, once answered, what they said. */
export function CaseSurvey({ survey }: { survey: Survey | null }) {
  const { t } = useTranslation('cases');
  const state = surveyState(survey);
  if (!survey || state === 'notSent')
    return (
      <section aria-label={t('page.survey')}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('survey.notSent')} />
      </section>
    );
  const rating = surveyRating(survey);
  const answered = state === 'answered';
  const recommend = survey.wouldRecommend === null ? '—' : t(survey.wouldRecommend ? 'survey.yes' : 'survey.no');
  const items = [
    { key: 'state', label: t('survey.state'), children: <Tag color={stateColours[state]}>{t(`survey.states.${state}`)}</Tag> },
    { key: 'sent', label: t('survey.sentAt'), children: formatDateTime(survey.sentAt) },
    answered
      ? { key: 'answered', label: t('survey.answeredAt'), children: formatDateTime(survey.answeredAt!) }
      : { key: 'expires', label: t('survey.expiresAt'), children: formatDateTime(survey.expiresAt) },
    ...(answered
      ? [
          {
            key: 'rating',
            label: t('survey.rating'),
            children: rating === undefined ? '—' : (
              <Flex gap={8} align="center">
                <Rate disabled value={rating} aria-hidden />
                <span>{t('survey.ratingOf', { rating })}</span>
              </Flex>
            ),
          },
          { key: 'recommend', label: t('survey.wouldRecommend'), children: recommend },
          {
            key: 'comment',
            label: t('survey.comment'),
            span: 'filled' as const,
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{survey.comment || '—'}</span>,
          },
        ]
      : []),
  ];
  return (
    <section aria-label={t('page.survey')}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />
    </section>
  );
}
