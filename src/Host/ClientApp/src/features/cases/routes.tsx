import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../shared/components/NotFoundPage';
import { CaseListPage } from './components/CaseListPage';
import { CasePage } from './components/CasePage';
import { NewCasePage } from './components/NewCasePage';

/** Cases, under `/cases`: the list, a new case, one case. */
export default function CaseRoutes() {
  return (
    <Routes>
      <Route index element={<CaseListPage />} />
      <Route path="new" element={<NewCasePage />} />
      <Route path=":caseId" element={<CasePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
