import { Card, Empty, Timeline, type TimelineItemProps } from 'antd';
import type { CSSProperties } from 'react';
import type { Instruction, InstructionTargetKind } from '../api';
import { useInstructions } from '../use-instructions';
import { InstructionButton } from './InstructionButton';
import { InstructionEntry } from './InstructionEntry';

/** An instruction as an item of a record's timeline (办理过程), with its time to merge it in order. */
export function instructionTimelineItem(i: Instruction): { at: string; item: TimelineItemProps } {
  return { at: i.createdAt, item: { key: `instruction-${i.id}`, color: 'red', children: <InstructionEntry i={i} /> } };
}

/** A record's 领导批示 as timeline items, for a detail page that merges them into its own timeline. */
export function useInstructionTimeline(kind: InstructionTargetKind, id: string) {
  return useInstructions(kind, id).items.map(instructionTimelineItem);
}

/** 领导批示: the record's instructions with their answers, and 批示 for a leader. */
export function InstructionPanel({
  kind,
  id,
  style,
  writeButton = true,
}: {
  kind: InstructionTargetKind;
  id: string;
  style?: CSSProperties;
  /** false where the page offers 批示 elsewhere (the task's header). */
  writeButton?: boolean;
}) {
  const { items } = useInstructions(kind, id);
  return (
    <Card
      title={`领导批示（${items.length}）`}
      size="small"
      extra={writeButton && <InstructionButton kind={kind} id={id} size="small" />}
      style={style}
      data-testid="instruction-panel"
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无领导批示" />
      ) : (
        <Timeline style={{ marginTop: 12 }} items={items.map((i) => instructionTimelineItem(i).item)} />
      )}
    </Card>
  );
}
