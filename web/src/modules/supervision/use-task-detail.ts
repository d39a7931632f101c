import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { errorText } from '../../lib/api';
import { apiQueryKey, useApiQuery, useInvalidate } from '../../lib/query';
import { supervisionApi, type TaskDetail } from './api';
import type { TaskFormPreset } from './components/TaskFormDrawer';

/** The task detail page's data and the state of its dialogs. */
export function useTaskDetail(id: string) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const invalidate = useInvalidate();
  const fetcher = (signal: AbortSignal) => supervisionApi.task(id, signal);
  const key = ['supervision', 'task', id];
  const task = useApiQuery(key, fetcher, undefined, { keepPrevious: false });
  const [reporting, setReporting] = useState(false);
  const [noticing, setNoticing] = useState(false);
  const [marking, setMarking] = useState(false);
  const [subForm, setSubForm] = useState<TaskFormPreset | null>(null);
  const [completing, setCompleting] = useState<string | null>(null);

  /** The server answered the changed task: show it, and let lists and views catch up. */
  const replace = (d: TaskDetail) => {
    client.setQueryData(apiQueryKey(key, fetcher), d);
    void invalidate(['supervision', 'tasks'], ['supervision', 'leader-view'], ['supervision', 'unit-view']);
  };

  const completeMilestone = async (taskId: string, milestoneId: string) => {
    setCompleting(milestoneId);
    try {
      replace(await supervisionApi.milestoneDone(taskId, milestoneId));
      message.success('时间节点已完成');
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setCompleting(null);
    }
  };

  return {
    t: task.data ?? null,
    error: task.error,
    loading: task.loading,
    reload: () => invalidate(['supervision']),
    replace,
    completeMilestone,
    completing,
    reporting,
    setReporting,
    noticing,
    setNoticing,
    marking,
    setMarking,
    subForm,
    setSubForm,
  };
}
