import { Alert, Button, Card, Flex, Result, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/problems';
import { PageLoading } from '../../../shared/components/PageLoading';
import { useCase, type CaseDetails } from '../api';
import { childProcesses } from '../processes';
import { CaseCosts } from './CaseCosts';
import { CaseFollowUps } from './CaseFollowUps';
import { CaseForms } from './CaseForms';
import { CaseHeader } from './CaseHeader';
import { CaseMails } from './CaseMails';
import { CaseSurvey } from './CaseSurvey';
import { CaseTasks } from './CaseTasks';
import { CaseTimeline } from './CaseTimeline';
import { ChildProcesses } from './ChildProcesses';

/** 工单详情: the case's header, then its timeline, tasks, processes, forms, costs, mails, follow-ups and survey in tabs. */
export function CasePage() {
  const { t } = useTranslation('cases');
  const { caseId = '' } = useParams();
  const found = useCase(caseId);

  if (found.isPending) return <PageLoading />;
  if (found.error instanceof ApiError && found.error.status === 404)
    return (
      <Result
        status="404"
        title={t('page.notFound')}
        extra={
          <Link to="/cases">
            <Button type="primary">{t('page.backToList')}</Button>
          </Link>
        }
      />
    );
  if (found.error)
    return (
      <Alert
        type="error"
        showIcon
        title={found.error.message}
        action={<Button onClick={() => void found.refetch()}>{t('common:retry')}</Button>}
      />
    );
  return <CaseSections details={found.data} />;
}

function CaseSections({ details }: { details: CaseDetails }) {
  const { t } = useTranslation('cases');
  const tasks = details.tasks;
  const children = childProcesses(tasks, details.workflowInstanceId);
  const count = (label: string, n: number) => `${label} (${n})`;
  return (
    <Flex vertical gap={16}>
      <CaseHeader details={details} />
      <Card>
        <Tabs
          items={[
            { key: 'timeline', label: t('page.timeline'), children: <CaseTimeline events={details.timeline} /> },
            {
              key: 'tasks',
              label: count(t('page.tasks'), tasks.length),
              children: <CaseTasks open={tasks} done={details.doneTasks} />,
            },
            {
              key: 'processes',
              label: count(t('page.processes'), children.length),
              children: <ChildProcesses tasks={tasks} caseInstanceId={details.workflowInstanceId} />,
            },
            {
              key: 'forms',
              label: count(t('page.forms'), Object.keys(details.forms).length),
              children: <CaseForms forms={details.forms} />,
            },
            {
              key: 'costs',
              label: count(t('page.costs'), details.costs.items.length),
              children: <CaseCosts caseId={details.id} costs={details.costs} />,
            },
            {
              key: 'mails',
              label: count(t('page.mails'), details.mails.length),
              children: <CaseMails mails={details.mails} />,
            },
            {
              key: 'followUps',
              label: count(t('page.followUps'), details.followUps.length),
              children: <CaseFollowUps followUps={details.followUps} />,
            },
            { key: 'survey', label: t('page.survey'), children: <CaseSurvey survey={details.survey} /> },
          ]}
        />
      </Card>
    </Flex>
  );
}
