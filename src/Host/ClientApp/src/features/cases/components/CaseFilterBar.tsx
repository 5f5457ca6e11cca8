import { Button, Checkbox, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { caseKinds, caseStatuses, withFilter, type CaseFilters } from '../filters';

/** The filters above the case list; every change goes to the address and back to the first page. */
const noFilters = { kind: undefined, status: undefined, customer: undefined, overdue: false };

interface CaseFilterBarProps {
  filters: CaseFilters;
  onChange: (filters: CaseFilters) => void;
}

export function CaseFilterBar({ filters, onChange }: CaseFilterBarProps) {
  const { t } = useTranslation('cases');
  return (
    <Flex wrap gap={12} align="center" role="search" aria-label={t('list.filters')}>
      <Select
        aria-label={t('fields.kind')}
        placeholder={t('list.anyKind')}
        allowClear
        style={{ width: 180 }}
        value={filters.kind}
        onChange={(kind?: string) => onChange(withFilter(filters, { kind }))}
        options={caseKinds.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
      />
      <Select
        aria-label={t('fields.status')}
        placeholder={t('list.anyStatus')}
        allowClear
        style={{ width: 180 }}
        value={filters.status}
        onChange={(status?: string) => onChange(withFilter(filters, { status }))}
        options={caseStatuses.map((status) => ({ value: status, label: t(`statuses.${status}`) }))}
      />
      <Input.Search
        aria-label={t('list.customerSearch')}
        placeholder={t('list.customerSearch')}
        allowClear
        style={{ width: 240 }}
        defaultValue={filters.customer}
        key={filters.customer ?? ''}
        onSearch={(value) => onChange(withFilter(filters, { customer: value.trim() || undefined }))}
      />
      <Checkbox
        checked={filters.overdue}
        onChange={(e) => onChange(withFilter(filters, { overdue: e.target.checked }))}
      >
        {t('list.overdueOnly')}
      </Checkbox>
      <Button onClick={() => onChange(withFilter(filters, noFilters))}>
        {t('list.clearFilters')}
      </Button>
    </Flex>
  );
}
