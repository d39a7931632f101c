import { useEffect } from 'react';
import { populationApi, type Round, type RoundHouseholdList } from '../population/api';
import type { VisitResult } from '../population/labels';
import { useMobile } from './context';
import { loadCached, saveCached, useCachedResource } from './lib/cache';
import { onSent } from './lib/outbox';
import { householdsKey, type VisitItem } from './lib/visit-outbox';

export const roundsKey = 'knock:rounds';
const TAGS_KEY = 'knock:tags';
const fetchTags = () =>
  populationApi.tags().then((r) => r.items.filter((t) => t.active).map((t) => ({ code: t.code, name: t.name })));

/** The open rounds covering my grid, kept on the phone for offline use. */
export function useOpenRounds() {
  const { me } = useMobile();
  const rounds = useCachedResource<Round[]>(me.id, roundsKey, () =>
    populationApi.rounds().then((r) => r.items.filter((x) => x.phase === 'open')),
  );
  // Keep each open round's household list on the phone too, so the worker can knock offline
  // without having opened the list while online.
  useEffect(() => {
    if (!rounds.data || rounds.cachedAt) return;
    let alive = true;
    void (async () => {
      // The 新增人员 sheet's tags first: a worker who goes offline at the door still has them.
      if (!(await loadCached(me.id, TAGS_KEY)))
        await fetchTags()
          .then((t) => saveCached(me.id, TAGS_KEY, t))
          .catch(() => undefined);
      for (const r of rounds.data!) {
        if (!alive) return;
        if (await loadCached(me.id, householdsKey(r.id))) continue;
        try {
          await saveCached(me.id, householdsKey(r.id), await populationApi.roundHouseholds(r.id));
        } catch {
          return;
        }
      }
    })();
    return () => {
      alive = false;
    };
  }, [rounds.data, rounds.cachedAt, me.id]);
  return rounds;
}

/** The district's active resident tags (返乡人员, 留守老人 …), kept on the phone for the 新增人员 sheet. */
export function useResidentTagsKept() {
  const { me } = useMobile();
  return useCachedResource<{ code: string; name: string }[]>(me.id, TAGS_KEY, fetchTags);
}

/** My grid's households in a round with their state, kept on the phone. */
export function useRoundHouseholds(roundId: string) {
  const { me } = useMobile();
  const list = useCachedResource<RoundHouseholdList>(me.id, householdsKey(roundId), () =>
    populationApi.roundHouseholds(roundId),
  );
  const { reload } = list;
  // A visit sent (now, or by the outbox later): the door's state comes from the server again.
  useEffect(
    () =>
      onSent((s) => {
        if (s.kind === 'visit') void reload();
      }),
    [reload],
  );
  return list;
}

/** The visits of a round still on the phone (待发送 or refused), by household. */
export function useQueuedVisits(roundId: string): Map<string, VisitItem> {
  const { outbox } = useMobile();
  const byHousehold = new Map<string, VisitItem>();
  for (const i of outbox.items) if (i.kind === 'visit' && i.roundId === roundId) byHousehold.set(i.householdId, i);
  return byHousehold;
}

export type DoorState = VisitResult | 'none' | 'queued' | 'rejected';

/** A household's state on the list: a visit on the phone wins over what the server knew. */
export function doorState(h: { lastResult: VisitResult | null }, queued: VisitItem | undefined): DoorState {
  if (queued) return queued.state === 'rejected' ? 'rejected' : 'queued';
  return h.lastResult ?? 'none';
}

export const DOOR_STATE_TAG: Record<DoorState, { text: string; color: string }> = {
  none: { text: '未走访', color: 'default' },
  queued: { text: '待发送', color: 'orange' },
  rejected: { text: '被拒收', color: 'red' },
  verified: { text: '已核实', color: 'green' },
  absent: { text: '不在家', color: 'gold' },
  vacant: { text: '空置', color: 'default' },
  refused: { text: '拒绝', color: 'red' },
  other: { text: '其他', color: 'blue' },
};
