import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountAction, User } from '../api';

/** A row's buttons, each named with the user so a screen reader (and a test) tells the rows apart. */
export function UserActions({ user, busy, onRoles, onPassword, onAction }: {
  user: User;
  busy: boolean;
  onRoles: () => void;
  onPassword: () => void;
  onAction: (action: AccountAction) => void;
}) {
  const { t } = useTranslation('users');
  const name = { name: user.userName };
  return (
    <Space size={4}>
      <Button size="small" onClick={onRoles} aria-label={t('actions.rolesOf', name)}>{t('actions.roles')}</Button>
      <Button size="small" onClick={onPassword} aria-label={t('actions.passwordOf', name)}>
        {t('actions.password')}
      </Button>
      {user.disabled ? (
        <Button size="small" loading={busy} onClick={() => onAction('enable')} aria-label={t('actions.enableOf', name)}>
          {t('actions.enable')}
        </Button>
      ) : (
        <Popconfirm title={t('actions.disableConfirm', { name: user.displayName })} okText={t('actions.disable')}
          cancelText={t('form.cancel')} onConfirm={() => onAction('disable')}>
          <Button size="small" danger loading={busy} aria-label={t('actions.disableOf', name)}>
            {t('actions.disable')}
          </Button>
        </Popconfirm>
      )}
      {user.lockedUntil && (
        <Button size="small" loading={busy} onClick={() => onAction('unlock')} aria-label={t('actions.unlockOf', name)}>
          {t('actions.unlock')}
        </Button>
      )}
    </Space>
  );
}
