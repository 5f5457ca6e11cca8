import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * Built from components the first page loads anyway: antd's Result carries its 404 illustration (about 10 KB gzipped)
 * into every page's download (bench/web-bundle.sh).
 */
export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Flex vertical align="center" gap="small" style={{ padding: '48px 16px', textAlign: 'center' }}>
      <Typography.Title level={1} type="secondary" style={{ margin: 0, fontSize: 72 }}>
        404
      </Typography.Title>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('notFound.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('notFound.subtitle')}</Typography.Text>
      <Link to="/">
        <Button type="primary">{t('notFound.home')}</Button>
      </Link>
    </Flex>
  );
}
