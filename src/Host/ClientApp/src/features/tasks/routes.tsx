import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../shared/components/NotFoundPage';
import { TaskPage } from './components/TaskPage';

/** A task, under `/tasks/:taskId`. */
export default function TaskRoutes() {
  return (
    <Routes>
      <Route path=":taskId" element={<TaskPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
