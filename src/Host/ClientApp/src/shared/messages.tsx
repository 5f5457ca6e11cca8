import { createContext, lazy, Suspense, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export type NoticeType = 'success' | 'info' | 'warning' | 'error';
export interface Notice {
  id: number;
  type: NoticeType;
  text: string;
}

type Show = (type: NoticeType, text: string) => void;
export type Messages = Record<NoticeType, (text: string) => void>;

const MessagesContext = createContext<Show | null>(null);

// antd's message (with rc-notification, about 6 KB gzipped) loads with the first notice, not with every first page.
const MessageHost = lazy(() => import('./components/MessageHost'));
let lastId = 0;

/**
 * Short notices at the top of the page (claimed, saved, refused), what antd's `App.useApp().message` gave, without
 * antd's App, which loads Modal and Notification into the first download too (bench/web-bundle.sh).
 */
export function MessagesProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<readonly Notice[]>([]);
  const [used, setUsed] = useState(false);
  const show = useCallback<Show>((type, text) => {
    setUsed(true);
    setNotices((pending) => [...pending, { id: ++lastId, type, text }]);
  }, []);
  const shown = useCallback((ids: readonly number[]) => setNotices((pending) => pending.filter((n) => !ids.includes(n.id))), []);
  return (
    <MessagesContext value={show}>
      {children}
      {used && (
        <Suspense fallback={null}>
          <MessageHost notices={notices} onShown={shown} />
        </Suspense>
      )}
    </MessagesContext>
  );
}

/** `message.success(text)`, `.info`, `.warning`, `.error`: a notice that closes by itself. */
export function useMessage(): Messages {
  const show = useContext(MessagesContext);
  if (!show) throw new Error('useMessage outside MessagesProvider');
  return useMemo(
    () => ({
      success: (text) => show('success', text),
      info: (text) => show('info', text),
      warning: (text) => show('warning', text),
      error: (text) => show('error', text),
    }),
    [show],
  );
}
