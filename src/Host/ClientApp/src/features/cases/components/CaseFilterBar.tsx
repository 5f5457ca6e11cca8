import { Button, Checkbox, DatePicker, Flex, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { caseKinds, caseStatuses, withFilter, type CaseFilters } from '../filters';

/** The filters above the case list; every change goes to the address and back to the first page. */
const noFilters = {
  kind: undefined,
  status: undefined,
  customer: undefined,
  overdue: false,
  escalated: false,
  createdFrom: undefined,
  createdTo: undefined,
};

// The days go to the server as yyyy-MM-dd whatever the language; the picker's calendar speaks the person's language.
const dayFormat = 'YYYY-MM-DD';

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
      <Checkbox
        checked={filters.escalated}
        onChange={(e) => onChange(withFilter(filters, { escalated: e.target.checked }))}
      >
        {t('list.escalatedOnly')}
      </Checkbox>
      <DatePicker.RangePicker
        role="group"
        aria-label={t('list.createdBetween')}
        placeholder={[t('list.createdFrom'), t('list.createdTo')]}
        allowEmpty={[true, true]}
        format={dayFormat}
        value={[day(filters.createdFrom), day(filters.createdTo)]}
        onChange={(days) =>
          onChange(withFilter(filters, { createdFrom: days?.[0]?.format(dayFormat), createdTo: days?.[1]?.format(dayFormat) }))
        }
      />
      <Button onClick={() => onChange(withFilter(filters, noFilters))}>
        {t('list.clearFilters')}
      </Button>
    </Flex>
  );
}

function day(value: string | undefined): Dayjs | null {
  return value ? dayjs(value) : null;
}
