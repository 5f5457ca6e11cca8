import { useEffect, useState } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { setDateLanguage } from '../shared/dates';
import { toLanguage } from '../shared/i18n/languages';
import { createQueryClient } from './queryClient';
import { router } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const { i18n, t } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage) ?? 'zh-CN';
  setDateLanguage(language);

  useEffect(() => {
    document.title = t('appName');
  }, [t, language]);

  return (
    // No space put between two Chinese characters of a button: a screen reader would read it as two words.
    <ConfigProvider locale={language === 'zh-CN' ? zhCN : enUS} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
