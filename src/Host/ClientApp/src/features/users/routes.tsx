import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../shared/components/NotFoundPage';
import { UsersPage } from './components/UsersPage';

/** User administration (admins), under `/users`. */
export default function UserRoutes() {
  return (
    <Routes>
      <Route index element={<UsersPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
