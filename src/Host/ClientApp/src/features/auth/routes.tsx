import { Route, Routes } from 'react-router';
import { ChangePasswordPage } from './components/ChangePasswordPage';
import { NotFoundPage } from '../../shared/components/NotFoundPage';

/** The signed-in person's own account, under `/account`. */
export default function AccountRoutes() {
  return (
    <Routes>
      <Route path="password" element={<ChangePasswordPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
