import { Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseKinds } from '../../../shared/cases';
import { useCurrentUser } from '../../../shared/session';
import type { InboxFilter } from '../api';

/**
 * Which of the person's roles and which process to show (all of them when none is chosen). Native selects: antd's
 * Select (with its virtual list) would be 24 KB gzipped of the first download for two short lists.
 */
export function InboxFilters({ filter, onChange }: { filter: InboxFilter; onChange: (next: Partial<InboxFilter>) => void }) {
  const { t } = useTranslation('inbox');
  const { data: user } = useCurrentUser();
  // A role from a hand-edited link stays visible as chosen, so the select says what the list shows.
  const roles = [...new Set([...(user?.roles ?? []), ...(filter.role ? [filter.role] : [])])];
  return (
    <Flex gap={8} wrap>
      <select
        className="inbox-select"
        aria-label={t('filters.role')}
        value={filter.role ?? ''}
        onChange={(event) => onChange({ role: event.target.value || undefined })}
      >
        <option value="">{t('filters.allRoles')}</option>
        {roles.map((role) => (
          <option key={role} value={role}>
            {t(`common:roles.${role}`, { defaultValue: role })}
          </option>
        ))}
      </select>
      <select
        className="inbox-select"
        aria-label={t('filters.process')}
        value={filter.kind ?? ''}
        onChange={(event) => onChange({ kind: event.target.value || undefined })}
      >
        <option value="">{t('filters.allProcesses')}</option>
        {caseKinds.map((kind) => (
          <option key={kind} value={kind}>
            {t(`common:caseKinds.${kind}`)}
          </option>
        ))}
      </select>
    </Flex>
  );
}
