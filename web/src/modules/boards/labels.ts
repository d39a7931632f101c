export { BOARD_KIND_NAMES, BOARD_STATE_NAMES, BOARD_KINDS, BOARD_STATES } from '../../../../src/contracts/boards';

export const BOARD_STATE_COLORS: Record<string, string> = {
  good: 'green',
  damaged: 'orange',
  to_replace: 'gold',
  removed: 'default',
};

/** Map points by state. */
export const BOARD_POINT_COLORS: Record<string, string> = {
  good: '#52c41a',
  damaged: '#fa8c16',
  to_replace: '#fadb14',
  removed: '#8c8c8c',
};
