import { useEffect, useRef } from 'react';
import { message } from 'antd';
import type { Notice } from '../messages';

/** Shows the pending notices with antd's message (loaded lazily by MessagesProvider) and reports them shown. */
export default function MessageHost({ notices, onShown }: { notices: readonly Notice[]; onShown: (ids: number[]) => void }) {
  const [api, holder] = message.useMessage();
  // StrictMode runs the effect twice in development: each notice is opened once all the same.
  const opened = useRef(new Set<number>());
  useEffect(() => {
    const fresh = notices.filter((notice) => !opened.current.has(notice.id));
    for (const notice of fresh) {
      opened.current.add(notice.id);
      void api.open({ type: notice.type, content: notice.text });
    }
    if (fresh.length > 0) onShown(fresh.map((notice) => notice.id));
  }, [notices, api, onShown]);
  return holder;
}
