import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../shared/components/NotFoundPage';
import { CustomerPage } from './components/CustomerPage';
import { CustomersPage } from './components/CustomersPage';
import { NewCustomerPage } from './components/NewCustomerPage';

/** The customer register, under `/customers`. */
export default function CustomerRoutes() {
  return (
    <Routes>
      <Route index element={<CustomersPage />} />
      <Route path="new" element={<NewCustomerPage />} />
      <Route path=":customerId" element={<CustomerPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
