import { NotFound } from '../../../kernel/errors.js';
import type { InstructionTargetSource } from '../../instructions/index.js';
import type { ProposalsDeps } from '../deps.js';
import { loadVisibleProposal } from './proposal-context.js';

/** Proposals take leaders' instructions (领导批示): the handling units (主办, then 协办) own them. */
export function proposalInstructionTarget(deps: ProposalsDeps): InstructionTargetSource {
  return {
    kind: 'proposal',
    readPermission: 'proposal.read',
    async load(ex, actor, id) {
      const p = await loadVisibleProposal(deps, ex, actor, id).catch((e: unknown) => {
        if (e instanceof NotFound) return null;
        throw e;
      });
      if (!p) return null;
      const handlers = [...p.handlers].sort((a, b) => (a.role === b.role ? 0 : a.role === 'main' ? -1 : 1));
      return {
        districtCode: p.row.district_code,
        title: `${p.row.number} ${p.row.title}`,
        owners: handlers.map((h) => ({
          unitId: h.unit_id,
          unitPath: h.unit_path,
          unitName: h.unit_name,
          role: h.role === 'main' ? 'main' : 'assisting',
        })),
      };
    },
  };
}
