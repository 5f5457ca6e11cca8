import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A size typed into the address (`pageSize=30`) is offered too, so the select shows what the list shows. */
const pageSizes = [20, 50, 100];

interface InboxPagerProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number, pageSize: number) => void;
}

/** How many tasks, previous / next page and the page size: what the inbox needs of antd's Pagination, without it. */
export function InboxPager({ page, pageSize, total, onChange }: InboxPagerProps) {
  const { t } = useTranslation('inbox');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav aria-label={t('pager.label')}>
      <Flex justify="flex-end" align="center" gap={8} wrap style={{ marginTop: 16 }}>
        <Typography.Text>{t('total', { count: total })}</Typography.Text>
        <Button
          icon={<LeftOutlined />}
          aria-label={t('pager.previous')}
          disabled={page <= 1}
          onClick={() => onChange(Math.min(page - 1, pages), pageSize)}
        />
        <Typography.Text aria-live="polite">{t('pager.page', { page, pages })}</Typography.Text>
        <Button
          icon={<RightOutlined />}
          aria-label={t('pager.next')}
          disabled={page >= pages}
          onClick={() => onChange(page + 1, pageSize)}
        />
        <select
          className="inbox-select"
          style={{ minWidth: 0 }}
          aria-label={t('pager.pageSize')}
          value={pageSize}
          // A new page size starts again at the first page, as antd's Pagination did.
          onChange={(event) => onChange(1, Number(event.target.value))}
        >
          {[...new Set([...pageSizes, pageSize])].sort((a, b) => a - b).map((size) => (
            <option key={size} value={size}>
              {t('pager.perPage', { count: size })}
            </option>
          ))}
        </select>
      </Flex>
    </nav>
  );
}
