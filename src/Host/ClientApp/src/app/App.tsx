import { useEffect, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { ConfigProvider, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { setDateLanguage } from '../shared/dates';
import { MessagesProvider } from '../shared/messages';
import { antdLocale } from '../shared/i18n/i18n';
import { toLanguage } from '../shared/i18n/languages';
import { AppRoutes } from './router';

export function App({ queryClient }: { queryClient: QueryClient }) {
  const { i18n, t } = useTranslation();
  const language = toLanguage(i18n.resolvedLanguage) ?? 'zh-CN';
  setDateLanguage(language);

  useEffect(() => {
    document.title = t('appName');
  }, [t, language]);

  return (
    // No space put between two Chinese characters of a button: a screen reader would read it as two words.
    <ConfigProvider locale={antdLocale(language)} button={{ autoInsertSpace: false }}>
      <BaseText>
        <MessagesProvider>
          <QueryClientProvider client={queryClient}>
            <BrowserRouter>
              <AppRoutes />
            </BrowserRouter>
          </QueryClientProvider>
        </MessagesProvider>
      </BaseText>
    </ConfigProvider>
  );
}

/** The theme's font, size and colour for plain elements too: what antd's App component set, without loading it. */
function BaseText({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div
      style={{ color: token.colorText, fontSize: token.fontSize, lineHeight: token.lineHeight, fontFamily: token.fontFamily }}
    >
      {children}
    </div>
  );
}
