import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../shared/session';
import { useVisibleNavigation } from './useVisibleNavigation';

/** The start of a person whose menu has only links out (router.tsx sends everyone else to their first page): who they are and those links. */
export function HomePage() {
  const { t } = useTranslation();
  const { data: user } = useCurrentUser();
  const entries = useVisibleNavigation();
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
