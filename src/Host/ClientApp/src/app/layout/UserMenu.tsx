import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CurrentUser } from '../../shared/session';
import { signInPath } from '../../shared/returnTo';
import { useSignOut } from '../../features/auth/api';

/** The person's name; opens change password and sign out. */
export function UserMenu({ user }: { user: CurrentUser }) {
  const { t } = useTranslation('auth');
  const navigate = useNavigate();
  const signOut = useSignOut();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'password', icon: <KeyOutlined />, label: t('changePassword.menu') },
          { type: 'divider' },
          { key: 'signOut', icon: <LogoutOutlined />, label: t('signOut') },
        ],
        onClick: ({ key }) => {
          if (key === 'password') navigate('/account/password');
          else signOut.mutate(undefined, { onSettled: () => navigate(signInPath, { replace: true }) });
        },
      }}
    >
      <Button type="text" icon={<UserOutlined />} aria-label={t('accountMenu', { name: user.displayName })}>
        {user.displayName} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
