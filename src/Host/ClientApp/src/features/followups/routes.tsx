import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../shared/components/NotFoundPage';
import { FollowUpsPage } from './components/FollowUpsPage';

/** Return visits and inspections, under `/follow-ups`. */
export default function FollowUpRoutes() {
  return (
    <Routes>
      <Route index element={<FollowUpsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
