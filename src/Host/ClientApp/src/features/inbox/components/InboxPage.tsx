import { useCallback } from 'react';
import { Alert, Flex, theme, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import type { InboxNotice } from '../../../shared/tasks';
import { useInbox } from '../api';
import { readFilter, writeFilter, type InboxFilter } from '../filter';
import { InboxFilters } from './InboxFilters';
import { InboxTable } from './InboxTable';
import { KeyboardHelp } from './KeyboardHelp';
import './inbox.css';

/** 我的待办: the open tasks of the person's roles; filters and page kept in the address, so a link or reload keeps them. */
export function InboxPage() {
  const { t } = useTranslation('inbox');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filter = readFilter(params);
  const inbox = useInbox(filter);
  const { token } = theme.useToken();
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
      {/* A plain panel, not antd's Card: Card brings Tabs and Skeleton into the first download (bench/web-bundle.sh). */}
      <section
        aria-labelledby="inbox-title"
        style={{
          padding: token.paddingLG,
          background: token.colorBgContainer,
          border: `1px solid ${token.colorBorderSecondary}`,
          borderRadius: token.borderRadiusLG,
        }}
      >
        <Flex justify="space-between" align="center" gap={16} wrap style={{ marginBottom: 16 }}>
          <Flex align="center" gap={8}>
            <Typography.Title id="inbox-title" level={4} style={{ margin: 0 }}>
              {t('title')}
            </Typography.Title>
            <KeyboardHelp />
          </Flex>
          <InboxFilters filter={filter} onChange={change} />
        </Flex>
        <InboxTable
          inbox={inbox}
          filter={filter}
          onPage={(page, pageSize) => change({ page, pageSize })}
          onOpen={(taskId) => navigate(`/tasks/${encodeURIComponent(taskId)}`)}
        />
      </section>
    </Flex>
  );
}
