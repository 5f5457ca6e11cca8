import { Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseKinds } from '../../../shared/cases';
import { useCurrentUser } from '../../../shared/session';
import type { InboxFilter } from '../api';

/** Which of the person's roles and which process to show (all of them when none is chosen). */
export function InboxFilters({ filter, onChange }: { filter: InboxFilter; onChange: (next: Partial<InboxFilter>) => void }) {
  const { t } = useTranslation('inbox');
  const { data: user } = useCurrentUser();
  return (
    <Flex gap={8} wrap>
      <Select
        aria-label={t('filters.role')}
        placeholder={t('filters.allRoles')}
        allowClear
        style={{ minWidth: 160 }}
        value={filter.role ?? null}
        onChange={(role) => onChange({ role: role ?? undefined })}
        options={(user?.roles ?? []).map((role) => ({ value: role, label: t(`common:roles.${role}`) }))}
      />
      <Select
        aria-label={t('filters.process')}
        placeholder={t('filters.allProcesses')}
        allowClear
        style={{ minWidth: 160 }}
        value={filter.kind ?? null}
        onChange={(kind) => onChange({ kind: kind ?? undefined })}
        options={caseKinds.map((kind) => ({ value: kind, label: t(`common:caseKinds.${kind}`) }))}
      />
    </Flex>
  );
}
