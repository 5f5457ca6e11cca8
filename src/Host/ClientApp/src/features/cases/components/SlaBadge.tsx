import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/dates';
import type { CaseView } from '../api';
import { slaDisplay } from '../sla';

/** The first-response SLA of a case: time left, paused, met, or breached and by how much. */
export function SlaBadge({ sla }: { sla: CaseView['sla'] }) {
  const { t } = useTranslation('cases');
  const shown = slaDisplay(sla);
  const due = sla.dueAt ? t('sla.dueAt', { at: formatDateTime(sla.dueAt) }) : undefined;
  switch (shown.state) {
    case 'none':
      return <Tag>{t('sla.none')}</Tag>;
    case 'met':
      return <Tag color="success">{t('sla.met')}</Tag>;
    case 'paused':
      return (
        <Tooltip title={t('sla.pausedHint')}>
          <Tag color="default">{t('sla.paused')}</Tag>
        </Tooltip>
      );
    case 'running':
      return (
        <Tooltip title={due}>
          <Tag color="processing">{t('sla.left', { left: shown.left })}</Tag>
        </Tooltip>
      );
    case 'breached':
      return (
        <Tooltip title={due}>
          <Tag color="error">{t(shown.responded ? 'sla.answeredLate' : 'sla.breached', { by: shown.by })}</Tag>
        </Tooltip>
      );
  }
}
