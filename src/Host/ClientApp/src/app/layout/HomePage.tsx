import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useCurrentUser } from '../../shared/session';
import { useVisibleNavigation } from './useVisibleNavigation';

/** The start: the person's first page in the menu, or, when the menu has only links out, who they are and those links. */
export function HomePage() {
  const { t } = useTranslation();
  const { data: user } = useCurrentUser();
  const entries = useVisibleNavigation();
  const first = entries.find((entry) => !entry.external);
  if (first) return <Navigate to={first.path} replace />;
  return (
    <Card title={t('home.welcome', { name: user?.displayName })}>
      <Typography.Paragraph>
        {t('home.roles', { roles: user?.roles.map((role) => t(`roles.${role}`)).join(t('listSeparator')) })}
      </Typography.Paragraph>
      <List
        dataSource={entries}
        renderItem={(entry) => (
          <List.Item>
            {entry.external ? <a href={entry.path}>{t(entry.label)}</a> : <Link to={entry.path}>{t(entry.label)}</Link>}
          </List.Item>
        )}
      />
    </Card>
  );
}
