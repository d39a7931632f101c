import { useApiMutation, useApiQuery } from '../../lib/query';
import { instructionsApi, type InstructionTargetKind } from './api';

/** The cache key of one record's instructions: the panel, the button and the timeline share it. */
export const instructionsKey = (kind: InstructionTargetKind, id: string) => ['instructions', kind, id];

/** The 领导批示 on one record (none while `id` is unknown). */
export function useInstructions(kind: InstructionTargetKind, id: string) {
  const q = useApiQuery(instructionsKey(kind, id), (signal) => instructionsApi.list(kind, id, signal), undefined, {
    enabled: !!id,
    keepPrevious: false,
  });
  return { items: q.data?.items ?? [], canWrite: q.data?.canWrite ?? false, error: q.error, loading: q.loading };
}

/** Writing a 批示 on the record, and answering one; both refresh the record's instructions. */
export function useInstructionActions(kind: InstructionTargetKind, id: string) {
  const invalidates = [instructionsKey(kind, id)];
  const write = useApiMutation(
    (content: string) => instructionsApi.write({ targetKind: kind, targetId: id, content }),
    {
      invalidates,
      successMessage: '批示已发出，已通知责任单位',
      toastError: false,
    },
  );
  const reply = useApiMutation(
    (v: { id: string; content: string }) => instructionsApi.reply(v.id, { content: v.content }),
    {
      invalidates,
      successMessage: '已答复批示',
      toastError: false,
    },
  );
  return { write, reply };
}
