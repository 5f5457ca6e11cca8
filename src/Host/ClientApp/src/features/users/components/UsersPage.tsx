import { useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Input, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemText, ProblemAlert } from '../../../shared/components/ProblemAlert';
import { roles as allRoles } from '../../../shared/roles';
import { holdsAnyRole, useCurrentUser } from '../../../shared/session';
import { useAccountAction, useUsers, type AccountAction, type User, type UserQuery } from '../api';
import { NewUserModal } from './NewUserModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { UserActions } from './UserActions';
import { UserRolesModal } from './UserRolesModal';
import { useMessage } from '../../../shared/messages';

const pageSize = 20;
type Dialog = { kind: 'new' } | { kind: 'roles' | 'password'; user: User };

/** User administration for admins; anyone else who types the address is told it is not theirs, without the tools. */
export function UsersPage() {
  const { t } = useTranslation('users');
  const { data: user } = useCurrentUser();
  if (holdsAnyRole(user, ['admin'])) return <UserAdministration />;
  return (
    <Card title={t('list.title')}>
      <Alert type="error" showIcon role="alert" title={t('common:errors.forbidden')} />
    </Card>
  );
}

/** The accounts: who has which roles, who is disabled or locked; an admin creates and changes them here. */
function UserAdministration() {
  const { t } = useTranslation('users');
  const message = useMessage();
  const [query, setQuery] = useState<UserQuery>({ page: 1, pageSize });
  const users = useUsers(query);
  const account = useAccountAction();
  const [dialog, setDialog] = useState<Dialog>();

  const act = (user: User, action: AccountAction) =>
    account.mutate({ userName: user.userName, action }, {
      onSuccess: () => message.success(t(`actions.${action}Done`, { name: user.displayName })),
      onError: (error) => message.error(problemText(error, t)),
    });

  return (
    <Card title={t('list.title')} extra={
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'new' })}>{t('list.new')}</Button>
    }>
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search aria-label={t('list.search')} placeholder={t('list.search')} allowClear style={{ width: 260 }}
          onSearch={(text) => setQuery({ ...query, text: text.trim() || undefined, page: 1 })} />
        <Select aria-label={t('fields.roles')} placeholder={t('fields.roles')} allowClear style={{ width: 200 }}
          value={query.role} onChange={(role?: string) => setQuery({ ...query, role, page: 1 })}
          options={allRoles.map((role) => ({ value: role, label: t(`common:roles.${role}`) }))} />
        <Select aria-label={t('fields.status')} placeholder={t('fields.status')} allowClear style={{ width: 160 }}
          value={query.disabled} onChange={(disabled?: boolean) => setQuery({ ...query, disabled, page: 1 })}
          options={[{ value: false, label: t('status.enabled') }, { value: true, label: t('status.disabled') }]} />
      </Flex>
      <ProblemAlert error={users.error} />
      <Table<User>
        rowKey="userName"
        size="middle"
        loading={users.isFetching}
        dataSource={users.data?.items}
        locale={{ emptyText: t('list.empty') }}
        pagination={{
          current: Number(users.data?.page ?? query.page),
          pageSize,
          total: Number(users.data?.total ?? 0),
          hideOnSinglePage: true,
          onChange: (page) => setQuery({ ...query, page }),
        }}
        columns={[
          { title: t('fields.userName'), dataIndex: 'userName' },
          { title: t('fields.displayName'), dataIndex: 'displayName' },
          { title: t('fields.email'), dataIndex: 'email', render: (email: string | null) => email ?? '—' },
          {
            title: t('fields.roles'),
            dataIndex: 'roles',
            render: (roles: string[]) => (
              <Space size={[4, 4]} wrap>
                {roles.map((role) => <Tag key={role}>{t(`common:roles.${role}`, { defaultValue: role })}</Tag>)}
              </Space>
            ),
          },
          { title: t('fields.status'), key: 'status', render: (_, user) => <UserStatusTags user={user} /> },
          {
            title: t('fields.actions'),
            key: 'actions',
            render: (_, user) => (
              <UserActions user={user} busy={account.isPending && account.variables?.userName === user.userName}
                onRoles={() => setDialog({ kind: 'roles', user })}
                onPassword={() => setDialog({ kind: 'password', user })}
                onAction={(action) => act(user, action)} />
            ),
          },
        ]}
      />
      {dialog?.kind === 'new' && <NewUserModal onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'roles' && <UserRolesModal user={dialog.user} onClose={() => setDialog(undefined)} />}
      {dialog?.kind === 'password' && <ResetPasswordModal user={dialog.user} onClose={() => setDialog(undefined)} />}
    </Card>
  );
}

function UserStatusTags({ user }: { user: User }) {
  const { t } = useTranslation('users');
  return (
    <Space size={4}>
      {user.disabled ? <Tag color="default">{t('status.disabled')}</Tag> : <Tag color="success">{t('status.enabled')}</Tag>}
      {user.lockedUntil && <Tag color="warning">{t('status.locked')}</Tag>}
    </Space>
  );
}
