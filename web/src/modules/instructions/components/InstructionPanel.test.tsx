import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../lib/query';
import { json, mockFetch } from '../../../test/fetch-mock';
import { CaseTimeline } from '../../cases/components/CaseTimeline';
import type { CaseActionEntry } from '../../cases/api';
import type { Instruction, InstructionList } from '../api';
import { InstructionPanel, useInstructionTimeline } from './InstructionPanel';

let client: QueryClient;
afterEach(() => {
  client?.clear();
  vi.unstubAllGlobals();
});

function renderWith(node: React.ReactNode) {
  client = createQueryClient();
  return render(
    <App>
      <QueryClientProvider client={client}>{node}</QueryClientProvider>
    </App>,
  );
}

const TASK = '01900000-0000-7000-8000-000000000001';

function instruction(over: Partial<Instruction> = {}): Instruction {
  return {
    id: '01900000-0000-7000-8000-0000000000a1',
    targetKind: 'task',
    targetId: TASK,
    targetTitle: '背街小巷空中线缆整治',
    content: '请倒排工期，一周内报送整改措施。',
    leader: { id: 'l1', name: '张区长' },
    // 2026-12-07 14:05 in Shanghai.
    createdAt: '2026-12-07T06:05:00.000Z',
    owners: [
      { unitId: 'cgj', unitName: '川汇区城市管理局', role: 'lead', reply: null },
      {
        unitId: 'dx',
        unitName: '周口电信川汇分公司',
        role: 'cooperating',
        reply: { content: '已阅，全力配合。', byName: '电信经办人', at: '2026-12-07T07:00:00.000Z' },
      },
    ],
    canReply: false,
    ...over,
  };
}

const listOf = (items: Instruction[], canWrite: boolean): InstructionList => ({ items, canWrite });

describe('the 领导批示 panel', () => {
  it('lets a leader write a 批示, sends it for the record, and shows it marked with the leader and time', async () => {
    const { calls } = mockFetch({
      'GET /api/v1/instructions': [() => json(200, listOf([], true)), () => json(200, listOf([instruction()], true))],
      'POST /api/v1/instructions': () => json(201, instruction()),
    });
    renderWith(<InstructionPanel kind="task" id={TASK} />);
    expect(await screen.findByText('暂无领导批示')).toBeTruthy();
    fireEvent.click(await screen.findByTestId('instruction-write-button'));
    const box = await screen.findByTestId('instruction-write-modal-content');
    fireEvent.change(box, { target: { value: '请倒排工期，一周内报送整改措施。' } });
    fireEvent.click(screen.getByTestId('instruction-write-modal-submit'));
    const entry = await screen.findByTestId('instruction-entry');
    expect(within(entry).getByText('领导批示')).toBeTruthy();
    expect(within(entry).getByText('张区长')).toBeTruthy();
    expect(within(entry).getByText('2026-12-07 14:05')).toBeTruthy();
    expect(within(entry).getByTestId('instruction-content').textContent).toBe('请倒排工期，一周内报送整改措施。');
    const owners = within(entry).getAllByTestId('instruction-owner');
    expect(owners[0].textContent).toContain('牵头单位·川汇区城市管理局');
    expect(owners[0].textContent).toContain('待答复');
    expect(owners[1].textContent).toContain('已阅，全力配合。');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.body).toEqual({ targetKind: 'task', targetId: TASK, content: '请倒排工期，一周内报送整改措施。' });
    expect(new URL(calls[0].url, 'http://x').searchParams.get('targetKind')).toBe('task');
    expect(screen.getByText('领导批示（1）')).toBeTruthy();
  });

  it('offers no 批示 to an account that may not write, and 答复批示 to an owner that has not answered', async () => {
    const { calls } = mockFetch({
      'GET /api/v1/instructions': [
        () => json(200, listOf([instruction({ canReply: true })], false)),
        () => json(200, listOf([instruction()], false)),
      ],
      'POST /api/v1/instructions/01900000-0000-7000-8000-0000000000a1/replies': [
        () =>
          json(409, {
            title: '数据冲突',
            detail: '川汇区城市管理局已答复过这条批示',
            code: 'instruction.already_replied',
          }),
        () => json(201, instruction()),
      ],
    });
    renderWith(<InstructionPanel kind="task" id={TASK} />);
    fireEvent.click(await screen.findByTestId('instruction-reply-button'));
    expect(screen.queryByTestId('instruction-write-button')).toBeNull();
    fireEvent.change(await screen.findByTestId('instruction-reply-modal-content'), {
      target: { value: '已阅，正在落实。' },
    });
    fireEvent.click(screen.getByTestId('instruction-reply-modal-submit'));
    // A refusal stays in the dialog, in the server's words.
    expect(await screen.findByText('川汇区城市管理局已答复过这条批示')).toBeTruthy();
    fireEvent.click(screen.getByTestId('instruction-reply-modal-submit'));
    await waitFor(() => expect(screen.queryByTestId('instruction-reply-button')).toBeNull());
    const posts = calls.filter((c) => c.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[1].body).toEqual({ content: '已阅，正在落实。' });
  });
});

describe('a case’s timeline', () => {
  function CaseTimelineWith({ actions }: { actions: CaseActionEntry[] }) {
    const extra = useInstructionTimeline('case', 'c1');
    return <CaseTimeline actions={actions} extra={extra} />;
  }
  const step = (type: string, typeName: string, at: string) =>
    ({
      id: type,
      type,
      typeName,
      at,
      actorName: '经办人',
      unitName: null,
      comment: null,
      attachments: [],
      payload: {},
    }) as unknown as CaseActionEntry;

  it('merges the 领导批示 in among the steps by time', async () => {
    mockFetch({
      'GET /api/v1/instructions': () =>
        json(
          200,
          listOf([instruction({ targetKind: 'case', targetId: 'c1', createdAt: '2026-12-07T05:00:00.000Z' })], false),
        ),
    });
    renderWith(
      <CaseTimelineWith
        actions={[
          step('report', '上报', '2026-12-07T01:00:00.000Z'),
          step('dispatch', '派遣', '2026-12-07T02:00:00.000Z'),
          step('start', '签收处置', '2026-12-07T08:00:00.000Z'),
        ]}
      />,
    );
    await screen.findByTestId('instruction-entry');
    const order = [...screen.getByTestId('case-timeline').querySelectorAll('[data-testid]')]
      .map((e) => e.getAttribute('data-action') ?? e.getAttribute('data-testid'))
      .filter((x) => x === 'instruction-entry' || ['report', 'dispatch', 'start'].includes(x!));
    expect(order).toEqual(['report', 'dispatch', 'instruction-entry', 'start']);
  });
});
