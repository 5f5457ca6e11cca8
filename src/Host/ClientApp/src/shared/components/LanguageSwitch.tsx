import { Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../i18n/i18n';
import { languages, toLanguage, type Language } from '../i18n/languages';

/** 中文 | English; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = toLanguage(i18n.resolvedLanguage) ?? 'zh-CN';
  return (
    <Radio.Group
      aria-label={t('language')}
      optionType="button"
      size="small"
      value={current}
      onChange={(e) => void changeLanguage(e.target.value as Language)}
      options={languages.map((language) => ({ value: language, label: t(`languages.${language}`) }))}
    />
  );
}
