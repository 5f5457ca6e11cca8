import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useCaseList } from '../api';
import { readFilters, toQuery, writeFilters, type CaseFilters } from '../filters';
import { CaseFilterBar } from './CaseFilterBar';
import { CaseTable } from './CaseTable';

/** 工单: every case the person may see, filtered and paged by the server; the filters live in the address. */
export function CaseListPage() {
  const { t } = useTranslation('cases');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const list = useCaseList(toQuery(filters));
  const show = (next: CaseFilters) => setParams(writeFilters(next));

  return (
    <Card>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('list.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/cases/new')}>
          {t('list.newCase')}
        </Button>
      </Flex>
      <CaseFilterBar filters={filters} onChange={show} />
      {list.error && (
        <Alert type="error" showIcon style={{ marginTop: 16 }} title={list.error.message} />
      )}
      <div style={{ marginTop: 16 }}>
        <CaseTable
          cases={list.data?.items ?? []}
          total={Number(list.data?.total ?? 0)}
          page={filters.page}
          pageSize={filters.pageSize}
          loading={list.isFetching}
          onPage={(page, pageSize) => show({ ...filters, page, pageSize })}
        />
      </div>
    </Card>
  );
}
