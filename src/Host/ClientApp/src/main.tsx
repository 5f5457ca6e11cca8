import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { preloadFeatureFor } from './app/features';
import { loadLocale } from './app/locales';
import { createQueryClient } from './app/queryClient';
import { currentUserQuery } from './shared/session';
import { startI18n } from './shared/i18n/i18n';

// Who is signed in and the page's own code are fetched while the texts load, not one after the other.
const queryClient = createQueryClient();
void queryClient.prefetchQuery(currentUserQuery);
preloadFeatureFor(window.location.pathname);
await startI18n(loadLocale);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App queryClient={queryClient} />
  </StrictMode>,
);
