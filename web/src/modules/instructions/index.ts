// The 领导批示 pieces other modules' detail pages embed (no page or menu of its own).
export { InstructionButton } from './components/InstructionButton';
export { InstructionPanel, useInstructionTimeline } from './components/InstructionPanel';
