import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** Says how to work the list from the keyboard. */
export function KeyboardHelp() {
  const { t } = useTranslation('inbox');
  return (
    <Tooltip title={t('keyboard.help')}>
      <Button type="text" size="small" icon={<QuestionCircleOutlined />} aria-label={t('keyboard.label')} />
    </Tooltip>
  );
}
