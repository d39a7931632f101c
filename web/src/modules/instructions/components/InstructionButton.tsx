import { EditOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { INSTRUCTION_MAX, type InstructionTargetKind } from '../api';
import { useInstructionActions, useInstructions } from '../use-instructions';
import { TextModal } from './TextModal';

/** 批示: shown to whoever may write one on the record (a leader); the owner units are told. */
export function InstructionButton({
  kind,
  id,
  size,
}: {
  kind: InstructionTargetKind;
  id: string;
  size?: 'small' | 'middle';
}) {
  const { canWrite } = useInstructions(kind, id);
  const { write } = useInstructionActions(kind, id);
  const [open, setOpen] = useState(false);
  if (!canWrite) return null;
  return (
    <>
      <Button
        danger
        size={size}
        icon={<EditOutlined />}
        onClick={() => {
          write.reset();
          setOpen(true);
        }}
        data-testid="instruction-write-button"
      >
        批示
      </Button>
      <TextModal
        open={open}
        title="领导批示"
        label="批示内容"
        placeholder="如：请牵头单位倒排工期，一周内报送整改措施。批示将通知各责任单位。"
        okText="发出批示"
        max={INSTRUCTION_MAX}
        saving={write.isPending}
        error={write.error}
        onSubmit={(content) => write.mutate(content, { onSuccess: () => setOpen(false) })}
        onClose={() => setOpen(false)}
        data-testid="instruction-write-modal"
      />
    </>
  );
}
