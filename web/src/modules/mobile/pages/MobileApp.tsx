import {
  AuditOutlined,
  CameraOutlined,
  CloudUploadOutlined,
  DesktopOutlined,
  DisconnectOutlined,
  LeftOutlined,
  LogoutOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App, Badge, Button, ConfigProvider, Drawer, Result } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Navigate, NavLink, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useAuth, useMe } from '../../../app/auth';
import { mobileApi, OPEN_STATUSES } from '../api';
import { MobileContext, type CaseList, type MobileState } from '../context';
import { clearCached, loadCached, saveCached, useCachedResource } from '../lib/cache';
import { useOnline, useOutbox } from '../lib/hooks';
import { onSent, processOutbox, recoverInterrupted } from '../lib/outbox';
import { clearServiceWorkerApiCache, registerServiceWorker, reportLoadedAssets } from '../lib/sw';
import '../mobile.css';
import CaseListPage from './CaseListPage';
import CaseViewPage from './CaseViewPage';
import QueuePage from './QueuePage';
import ReportPage from './ReportPage';

const RETRY_MS = 30_000;

function titleOf(path: string): { title: string; back: boolean } {
  if (path.startsWith('/m/report')) return { title: '上报问题', back: false };
  if (path.startsWith('/m/verify')) return { title: '待核查', back: false };
  if (path.startsWith('/m/cases/')) return { title: '案卷详情', back: true };
  if (path.startsWith('/m/queue')) return { title: '待发送', back: true };
  return { title: '我的网格', back: false };
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

function MobileShell() {
  const me = useMe();
  const { logout } = useAuth();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const online = useOnline();
  const outbox = useOutbox(me.id);
  const [userOpen, setUserOpen] = useState(false);
  const foreground = useRef(new Set<string>());

  const categories = useCachedResource(me.id, 'categories', () => mobileApi.categories().then((r) => r.items));
  const open = useCachedResource<CaseList>(me.id, 'cases:open', () => mobileApi.listCases(OPEN_STATUSES, 100));
  const toVerify = useCachedResource<CaseList>(me.id, 'cases:verify', () =>
    mobileApi.listCases(['pending_verification'], 100),
  );
  const reloadLists = useRef<() => void>(() => undefined);
  reloadLists.current = () => {
    void open.reload();
    void toVerify.reload();
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
        if (!foreground.current.has(s.id)) message.success(`已发送：${s.title}，案卷号 ${s.caseNumber}`);
      }),
    [message],
  );

  useEffect(() => {
    if (toVerify.data && !toVerify.cachedAt) void prefetchDetails(me.id, toVerify.data);
  }, [toVerify.data, toVerify.cachedAt, me.id]);

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
    () => ({ me, online, outbox, categories, open, toVerify, sendNow, canReport }),
    [me, online, outbox, categories, open, toVerify, sendNow, canReport],
  );

  const doLogout = async () => {
    const left = outbox.items.length;
    const go = async () => {
      await logout();
      await clearCached(me.id);
      clearServiceWorkerApiCache();
      navigate('/login?redirect=%2Fm', { replace: true });
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

  const head = titleOf(location.pathname);
  const verifyCount = toVerify.data?.items.length ?? 0;

  if (!me.permissions.includes('case.read')) {
    return <Result status="403" title="无权使用" subTitle="当前账号不能查看问题台账，请联系系统管理员。" />;
  }

  return (
    <MobileContext.Provider value={state}>
      <div className="cgm-app" data-testid="m-app" data-online={online ? 'true' : 'false'}>
        <header className="cgm-header">
          {head.back ? (
            <button
              type="button"
              className="cgm-header-back"
              onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/m'))}
              aria-label="返回"
              data-testid="m-back"
            >
              <LeftOutlined />
            </button>
          ) : (
            <span className="cgm-header-mark">网</span>
          )}
          <div className="cgm-header-title" data-testid="m-title">
            {head.title}
          </div>
          {outbox.items.length > 0 && (
            <NavLink
              to="/m/queue"
              className={`cgm-queue-chip${outbox.rejected ? ' is-rejected' : ''}`}
              data-testid="m-queue-chip"
              data-count={outbox.items.length}
            >
              <CloudUploadOutlined /> 待发送 <b data-testid="m-queue-count">{outbox.items.length}</b> 条
            </NavLink>
          )}
          <button
            type="button"
            className="cgm-header-user"
            onClick={() => setUserOpen(true)}
            aria-label="我的账号"
            data-testid="m-user"
          >
            <UserOutlined />
          </button>
        </header>
        {!online && (
          <div className="cgm-offline" data-testid="m-offline">
            <DisconnectOutlined /> 当前离线：上报和核查先保存在手机上，联网后自动发送
          </div>
        )}
        <main className="cgm-main">
          <Routes>
            <Route index element={<CaseListPage mode="grid" />} />
            <Route path="verify" element={<CaseListPage mode="verify" />} />
            <Route
              path="report"
              element={canReport ? <ReportPage /> : <Result status="403" title="当前账号不能上报问题" />}
            />
            <Route path="cases/:id" element={<CaseViewPage />} />
            <Route path="queue" element={<QueuePage />} />
            <Route path="*" element={<Navigate to="/m" replace />} />
          </Routes>
        </main>
        <nav className="cgm-tabbar" data-testid="m-tabbar">
          {canReport && (
            <NavLink to="/m/report" className="cgm-tab" data-testid="m-tab-report">
              <CameraOutlined />
              <span>上报问题</span>
            </NavLink>
          )}
          <NavLink to="/m" end className="cgm-tab" data-testid="m-tab-grid">
            <UnorderedListOutlined />
            <span>我的网格</span>
          </NavLink>
          <NavLink to="/m/verify" className="cgm-tab" data-testid="m-tab-verify">
            <Badge count={verifyCount} size="small" offset={[6, -2]}>
              <AuditOutlined />
            </Badge>
            <span>待核查</span>
          </NavLink>
        </nav>
        <Drawer
          open={userOpen}
          onClose={() => setUserOpen(false)}
          placement="bottom"
          height="auto"
          title="我的账号"
          className="cgm-sheet"
        >
          <div className="cgm-user" data-testid="m-user-sheet">
            <div className="cgm-user-name">{me.displayName}</div>
            <div className="cgm-muted">
              {me.unitName} · {me.username}
            </div>
          </div>
          <div className="cgm-user-actions">
            <Button block icon={<DesktopOutlined />} onClick={() => navigate('/')}>
              打开电脑版
            </Button>
            <Button block danger icon={<LogoutOutlined />} onClick={doLogout} data-testid="m-logout">
              退出登录
            </Button>
          </div>
        </Drawer>
      </div>
    </MobileContext.Provider>
  );
}

/** The grid worker's phone page, /m: big touch targets, one column, a bottom tab bar. */
export default function MobileApp() {
  return (
    <ConfigProvider
      componentSize="large"
      theme={{
        token: { fontSize: 15, borderRadius: 8, controlHeightLG: 46 },
        components: { Button: { contentFontSizeLG: 16 } },
      }}
    >
      <MobileShell />
    </ConfigProvider>
  );
}
