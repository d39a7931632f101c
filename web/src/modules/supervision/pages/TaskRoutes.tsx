import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import TaskBoardPage from './TaskBoardPage';

const TaskDetailPage = lazy(() => import('./TaskDetailPage'));

/** /supervision/tasks → the board; /supervision/tasks/:id → one task. */
export default function TaskRoutes() {
  return (
    <Routes>
      <Route index element={<TaskBoardPage />} />
      <Route path=":id" element={<TaskDetailPage />} />
    </Routes>
  );
}
