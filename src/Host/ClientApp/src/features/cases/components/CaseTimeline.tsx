import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/dates';
import type { CaseDetails } from '../api';

const colors: Record<string, string> = { opened: 'blue', task: 'green', warning: 'orange', escalation: 'red' };

/** Everything that happened to the case, oldest first, as the server wrote it. */
export function CaseTimeline({ events }: { events: CaseDetails['timeline'] }) {
  const { t } = useTranslation('cases');
  if (events.length === 0) return <Empty description={t('page.noEvents')} />;
  return (
    <Timeline
      aria-label={t('page.timeline')}
      items={events.map((event) => ({
        key: String(event.id),
        color: colors[event.kind] ?? 'gray',
        content: (
          <>
            <Typography.Text type="secondary">
              {formatDateTime(event.at)}
              {event.actor ? ` · ${event.actor}` : ''}
            </Typography.Text>
            <div>{event.text}</div>
          </>
        ),
      }))}
    />
  );
}
