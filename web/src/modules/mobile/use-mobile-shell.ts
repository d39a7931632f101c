import { App } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useAuth, useMe } from '../../app/auth';
import { mobileApi, OPEN_STATUSES } from './api';
import { type CaseList, type MobileState, type PhoneMode } from './context';
import { isCrewOnly } from './home';
import { clearCached, loadCached, saveCached, useCachedResource } from './lib/cache';
import { useOnline, useOutbox } from './lib/hooks';
import { onSent, processOutbox, recoverInterrupted } from './lib/outbox';
import { clearServiceWorkerApiCache, registerServiceWorker, reportLoadedAssets } from './lib/sw';

const RETRY_MS = 30_000;

/**
 * Which phone page the user is on: the crew's (/m/crew…) or the grid worker's (/m, 待核查, 上报); a
 * case or the outbox keeps the mode of the list it was opened from.
 */
function usePhoneMode(path: string, initial: PhoneMode): PhoneMode {
  const [mode, setMode] = useState<PhoneMode>(initial);
  const next: PhoneMode | null = path.startsWith('/m/crew')
    ? 'crew'
    : path === '/m' || path === '/m/' || path.startsWith('/m/verify') || path.startsWith('/m/report')
      ? 'grid'
      : null;
  useEffect(() => {
    if (next) setMode(next);
  }, [next]);
  return next ?? mode;
}

/** Keeps the details of the cases to verify on the phone, so they can be verified offline. */
async function prefetchDetails(accountId: string, list: CaseList) {
  for (const c of list.items.slice(0, 20)) {
    const copy = await loadCached<{ version: number }>(accountId, `case:${c.id}`);
    if (copy && copy.data.version === c.version) continue;
    try {
      await saveCached(accountId, `case:${c.id}`, await mobileApi.getCase(c.id));
    } catch {
      return;
    }
  }
}

/**
 * The phone app's shell state: online or not, the outbox and when it is sent, the cached lists
 * (categories, my grid's open cases, cases to verify) and signing out.
 */
export function useMobileShell() {
  const me = useMe();
  const { logout } = useAuth();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const online = useOnline();
  const outbox = useOutbox(me.id);
  const [userOpen, setUserOpen] = useState(false);
  const foreground = useRef(new Set<string>());

  const crewOnly = isCrewOnly(me);
  const mode = usePhoneMode(location.pathname, crewOnly ? 'crew' : 'grid');
  const crewOn = mode === 'crew';
  const categories = useCachedResource(me.id, 'categories', () => mobileApi.categories().then((r) => r.items));
  // A crew has no grid: its lists are the cases dispatched to its unit.
  const open = useCachedResource<CaseList>(me.id, crewOnly ? null : 'cases:open', () =>
    mobileApi.listCases(OPEN_STATUSES, 100),
  );
  const toVerify = useCachedResource<CaseList>(me.id, crewOnly ? null : 'cases:verify', () =>
    mobileApi.listCases(['pending_verification'], 100),
  );
  const crewTodo = useCachedResource<CaseList>(me.id, crewOn ? 'cases:crew' : null, () =>
    mobileApi.listAssigned(me.unitId, ['dispatched', 'handling'], 100),
  );
  const crewDone = useCachedResource<CaseList>(me.id, crewOn ? 'cases:crew-done' : null, () =>
    mobileApi.listAssigned(me.unitId, ['pending_verification'], 50),
  );
  const reloadLists = useRef<() => void>(() => undefined);
  reloadLists.current = () => {
    if (!crewOnly) {
      void open.reload();
      void toVerify.reload();
    }
    if (crewOn) {
      void crewTodo.reload();
      void crewDone.reload();
    }
  };

  const sendNow = useCallback(
    async (only?: string[], focus?: string[]) => {
      const ids = focus ?? only ?? outbox.items.map((i) => i.id);
      for (const id of ids) foreground.current.add(id);
      try {
        return await processOutbox(me.id, only);
      } finally {
        for (const id of ids) foreground.current.delete(id);
      }
    },
    [me.id, outbox.items],
  );

  // Send what is waiting: now (if online), whenever the network comes back, and every 30 s.
  useEffect(() => {
    let alive = true;
    void recoverInterrupted(me.id).then(() => {
      if (alive && navigator.onLine) void processOutbox(me.id);
    });
    const onOnline = () => void processOutbox(me.id);
    const onVisible = () => {
      if (document.visibilityState === 'visible' && navigator.onLine) void processOutbox(me.id);
    };
    window.addEventListener('online', onOnline);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      alive = false;
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [me.id]);

  const waiting = outbox.items.filter((i) => i.state !== 'rejected').length;
  useEffect(() => {
    if (!waiting || !online) return;
    const t = window.setInterval(() => void processOutbox(me.id), RETRY_MS);
    return () => window.clearInterval(t);
  }, [waiting, online, me.id]);

  // Back online: refresh the lists.
  const wasOnline = useRef(online);
  useEffect(() => {
    if (online && !wasOnline.current) reloadLists.current();
    wasOnline.current = online;
  }, [online]);

  useEffect(
    () =>
      onSent((s) => {
        reloadLists.current();
        if (!foreground.current.has(s.id))
          message.success(`已发送：${s.title}${s.caseNumber ? `，案卷号 ${s.caseNumber}` : ''}`);
      }),
    [message],
  );

  useEffect(() => {
    if (toVerify.data && !toVerify.cachedAt) void prefetchDetails(me.id, toVerify.data);
  }, [toVerify.data, toVerify.cachedAt, me.id]);
  // A crew handles its cases where the network may be gone: keep their details on the phone.
  useEffect(() => {
    if (crewTodo.data && !crewTodo.cachedAt) void prefetchDetails(me.id, crewTodo.data);
  }, [crewTodo.data, crewTodo.cachedAt, me.id]);

  useEffect(() => {
    registerServiceWorker();
  }, []);
  useEffect(() => {
    // Lazy parts load as pages open: let the worker keep them for offline use.
    const t = window.setTimeout(reportLoadedAssets, 1500);
    return () => window.clearTimeout(t);
  }, [location.pathname]);

  const canReport = me.permissions.includes('case.report');
  const state = useMemo<MobileState>(
    () => ({ me, online, outbox, categories, open, toVerify, mode, crewTodo, crewDone, sendNow, canReport }),
    [me, online, outbox, categories, open, toVerify, mode, crewTodo, crewDone, sendNow, canReport],
  );

  const doLogout = async () => {
    const left = outbox.items.length;
    const go = async () => {
      await logout();
      await clearCached(me.id);
      clearServiceWorkerApiCache();
      navigate(`/login?redirect=${encodeURIComponent(crewOnly ? '/m/crew' : '/m')}`, { replace: true });
    };
    if (!left) return go();
    modal.confirm({
      title: `还有 ${left} 条未发送`,
      content: '退出后它们仍保存在本机，下次用此账号登录并联网时自动发送。',
      okText: '仍然退出',
      cancelText: '取消',
      onOk: go,
    });
  };

  return {
    me,
    navigate,
    location,
    online,
    outbox,
    userOpen,
    setUserOpen,
    toVerify,
    crewTodo,
    mode,
    crewOnly,
    canReport,
    state,
    doLogout,
  };
}
