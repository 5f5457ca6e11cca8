import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../shared/components/NotFoundPage';
import { InboxPage } from './components/InboxPage';

/** 我的待办, under `/inbox`. */
export default function InboxRoutes() {
  return (
    <Routes>
      <Route index element={<InboxPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
