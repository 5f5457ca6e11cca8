import { Suspense, useState } from 'react';
import { Flex, Layout, Menu, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../shared/components/LanguageSwitch';
import { PageLoading } from '../../shared/components/PageLoading';
import { useCurrentUser } from '../../shared/session';
import { useVisibleNavigation } from './useVisibleNavigation';
import { UserMenu } from './UserMenu';

/** The signed-in frame: side menu of what the person's roles allow, header with language and account. */
export function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { data: user } = useCurrentUser();
  const entries = useVisibleNavigation();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const selected = entries.filter((e) => location.pathname.startsWith(e.path)).map((e) => e.path);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} theme="light" width={208}>
        <Typography.Title level={5} style={{ margin: 16, whiteSpace: 'nowrap', overflow: 'hidden' }}>
          {collapsed ? 'AS' : t('appName')}
        </Typography.Title>
        <nav aria-label={t('nav.label')}>
          <Menu
            mode="inline"
            selectedKeys={selected}
            items={entries.map((entry) => ({
              key: entry.path,
              icon: <entry.icon />,
              label: entry.external ? <a href={entry.path}>{t(entry.label)}</a> : t(entry.label),
            }))}
            onClick={({ key }) => {
              const entry = entries.find((e) => e.path === key);
              if (entry && !entry.external) navigate(entry.path);
            }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: token.colorBgContainer, paddingInline: 24 }}>
          <Flex justify="flex-end" align="center" gap={16} style={{ height: '100%' }}>
            <LanguageSwitch />
            {user && <UserMenu user={user} />}
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <main>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
