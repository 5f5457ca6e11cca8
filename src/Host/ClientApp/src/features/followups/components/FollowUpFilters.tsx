import { Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { followUpKinds, followUpStatuses } from '../followUps';

export interface FollowUpFilterValues {
  kind?: string;
  status?: string;
  owner?: string;
}

/** The bar above the list: kind, status and owner. */
export function FollowUpFilters({ value, onChange }: {
  value: FollowUpFilterValues;
  onChange: (value: FollowUpFilterValues) => void;
}) {
  const { t } = useTranslation('followups');
  return (
    <Flex gap={12} wrap style={{ marginBottom: 16 }}>
      <Select
        aria-label={t('filters.kind')}
        placeholder={t('filters.kind')}
        allowClear
        style={{ width: 160 }}
        value={value.kind}
        onChange={(kind) => onChange({ ...value, kind })}
        options={followUpKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
      />
      <Select
        aria-label={t('filters.status')}
        placeholder={t('filters.status')}
        allowClear
        style={{ width: 160 }}
        value={value.status}
        onChange={(status) => onChange({ ...value, status })}
        options={followUpStatuses.map((status) => ({ value: status, label: t(`statuses.${status}`) }))}
      />
      <Input.Search
        aria-label={t('filters.owner')}
        placeholder={t('filters.owner')}
        allowClear
        style={{ width: 200 }}
        defaultValue={value.owner}
        onSearch={(owner) => onChange({ ...value, owner: owner.trim() || undefined })}
      />
    </Flex>
  );
}
