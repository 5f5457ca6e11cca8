import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRoles } from '../api';

/** Roles from the server's list, named in the page's language; a Form.Item passes value and onChange. */
export function RolePicker({ value, onChange, id }: {
  value?: string[];
  onChange?: (roles: string[]) => void;
  id?: string;
}) {
  const { t, i18n } = useTranslation('users');
  const roles = useRoles();
  const zh = i18n.resolvedLanguage === 'zh-CN';
  return (
    <Select
      id={id}
      mode="multiple"
      allowClear
      loading={roles.isPending}
      placeholder={t('form.rolesPlaceholder')}
      value={value}
      onChange={onChange}
      optionFilterProp="label"
      options={(roles.data ?? []).map((role) => ({ value: role.name, label: zh ? role.zh : role.en }))}
    />
  );
}
