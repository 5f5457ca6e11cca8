import { Table, Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/dates';
import type { CaseDetails } from '../api';

type CaseMail = CaseDetails['mails'][number];

const colors: Record<string, string> = { sent: 'success', pending: 'processing', failed: 'error' };

/** The mails sent (or queued) about the case: escalations, reminders, the survey. */
export function CaseMails({ mails }: { mails: CaseMail[] }) {
  const { t } = useTranslation('cases');
  const columns: TableColumnsType<CaseMail> = [
    { key: 'subject', title: t('mails.subject'), dataIndex: 'subject' },
    { key: 'to', title: t('mails.recipients'), render: (_, mail) => mail.recipients.join(t('common:listSeparator')) },
    {
      key: 'status',
      title: t('mails.status'),
      render: (_, mail) => (
        <Tag color={colors[mail.status]} title={mail.lastError ?? undefined}>
          {t(`mails.statuses.${mail.status}`, { defaultValue: mail.status })}
        </Tag>
      ),
    },
    { key: 'created', title: t('mails.createdAt'), render: (_, mail) => formatDateTime(mail.createdAt) },
    { key: 'sent', title: t('mails.sentAt'), render: (_, mail) => (mail.sentAt ? formatDateTime(mail.sentAt) : '—') },
  ];
  return (
    <Table
      aria-label={t('page.mails')}
      rowKey={(mail) => String(mail.id)}
      size="small"
      pagination={false}
      columns={columns}
      dataSource={mails}
      locale={{ emptyText: t('mails.none') }}
      scroll={{ x: 'max-content' }}
    />
  );
}
