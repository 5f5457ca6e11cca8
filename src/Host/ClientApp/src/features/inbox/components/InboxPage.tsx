import { useCallback } from 'react';
import { Alert, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { InboxNotice } from '../../../shared/tasks';
import { useInbox } from '../api';
import { readFilter, writeFilter, type InboxFilter } from '../filter';
import { InboxFilters } from './InboxFilters';
import { InboxTable } from './InboxTable';
import { KeyboardHelp } from './KeyboardHelp';

/** 我的待办: the open tasks of the person's roles; filters and page kept in the address, so a link or reload keeps them. */
export function InboxPage() {
  const { t } = useTranslation('inbox');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const inbox = useInbox(filter);
  // A page that sent the person back (a task done, or finished by someone else first) says why, until dismissed.
  const location = useLocation();
  const notice = (location.state as Partial<InboxNotice> | null)?.notice;

  const change = useCallback(
    (next: Partial<InboxFilter>) => setParams(writeFilter({ ...filter, page: 1, ...next }), { replace: true }),
    [filter, setParams],
  );

  return (
    <Flex vertical gap={16}>
      {notice && (
        <Alert
          type="info"
          showIcon
          closable={{ onClose: () => navigate(location, { replace: true, state: null }) }}
          title={notice}
        />
      )}
      <Card
        title={
          <Flex align="center" gap={8}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('title')}
            </Typography.Title>
            <KeyboardHelp />
          </Flex>
        }
        extra={<InboxFilters filter={filter} onChange={change} />}
      >
        <InboxTable
          inbox={inbox}
          filter={filter}
          onPage={(page, pageSize) => change({ page, pageSize })}
          onOpen={(taskId) => navigate(`/tasks/${encodeURIComponent(taskId)}`)}
        />
      </Card>
    </Flex>
  );
}
