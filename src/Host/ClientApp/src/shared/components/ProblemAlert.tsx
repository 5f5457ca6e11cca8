import { Alert } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problems';

/**
 * What went wrong, in a sentence where it happened: the server's own words for a refusal (403, 404, 409), a plain
 * sentence for a network failure or a server fault. Nothing when there is no error.
 */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <Alert type="error" showIcon role="alert" title={problemText(error, t)} style={{ marginBottom: 16 }} />;
}

/** The sentence ProblemAlert shows, for messages and notifications. */
export function problemText(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('common:errors.network');
  if (error.status >= 500) return t('common:errors.server', { status: error.status });
  const said = error.problem.detail ?? error.problem.title;
  if (error.status === 403) return said ? `${t('common:errors.forbidden')} ${said}` : t('common:errors.forbidden');
  return said ?? t('common:errors.server', { status: error.status });
}
