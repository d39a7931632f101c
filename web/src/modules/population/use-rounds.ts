import { useEffect, useState } from 'react';
import { useApiMutation, useApiQuery } from '../../lib/query';
import { populationApi, type RoundBody } from './api';
import { currentUnit, drillInto, drillUp, nameTop, startDrill, type DrillState, type DrillUnit } from './lib/drill';
import { POP } from './use-population';

export function useRounds() {
  return useApiQuery([POP, 'rounds'], (signal) => populationApi.rounds(signal));
}

export function useRound(id: string) {
  return useApiQuery([POP, 'round', id], (signal) => populationApi.round(id, signal), undefined, {
    keepPrevious: false,
  });
}

export function useCreateRound(onDone: (id: string) => void) {
  return useApiMutation((body: RoundBody) => populationApi.createRound(body), {
    invalidates: [[POP, 'rounds']],
    toastError: false,
    successMessage: (r) => `已发起敲门行动：${r.name}`,
    onSuccess: (r) => onDone(r.id),
  });
}

/**
 * A round's coverage, drilled down from the reader's scope by clicking rows (街道 → 社区 → 网格); a
 * small grid clicked shows its gaps and visits.
 */
export function useCoverageDrill(roundId: string) {
  const [state, setState] = useState<DrillState>(() => startDrill('本级'));
  const unitId = currentUnit(state);
  const report = useApiQuery([POP, 'coverage', roundId, unitId ?? null], (signal) =>
    populationApi.coverage(roundId, unitId, signal),
  );
  // The top of the path is the reader's scope: named once the first report says what it is.
  const top = report.data && !unitId ? report.data.unit.name : null;
  useEffect(() => {
    if (top) setState((s) => nameTop(s, top));
  }, [top]);
  return {
    report,
    path: state.path,
    grid: state.grid,
    open: (row: DrillUnit) => setState((s) => drillInto(s, row)),
    up: (index: number) => setState((s) => drillUp(s, index)),
    closeGrid: () => setState((s) => ({ ...s, grid: null })),
  };
}

export function useGaps(roundId: string, gridId: string | undefined) {
  return useApiQuery(
    [POP, 'gaps', roundId, gridId ?? null],
    (signal) => populationApi.roundHouseholds(roundId, { gridId, gaps: true }, signal),
    undefined,
    { enabled: !!gridId, keepPrevious: false },
  );
}

export function useVisits(roundId: string, gridId: string | undefined) {
  return useApiQuery(
    [POP, 'visits', roundId, gridId ?? null],
    (signal) => populationApi.visits(roundId, { gridId }, signal),
    undefined,
    { enabled: !!gridId, keepPrevious: false },
  );
}
