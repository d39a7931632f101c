import { DesktopOutlined, DisconnectOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Button, Drawer } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, Route, Routes, useNavigate } from 'react-router';
import { useAuth, useMe } from '../../../app/auth';
import '../mobile.css';
import { useOnline } from '../lib/hooks';
import { clearCached } from '../lib/cache';
import { processOutbox, recoverInterrupted } from '../lib/outbox';
import { clearServiceWorkerApiCache, registerServiceWorker, reportLoadedAssets } from '../lib/sw';
import FollowUpsPage from './FollowUpsPage';

const RETRY_MS = 30_000;

/**
 * The phone of an account whose only work is following people up (四包一's 民警 and 医生): no grid, no
 * cases — just 今日随访, its outbox sent whenever the network is there, and the account sheet.
 */
export default function FollowUpShell() {
  const me = useMe();
  const { logout } = useAuth();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const online = useOnline();
  const [userOpen, setUserOpen] = useState(false);

  // The worker keeps the shell and the answers read here, so the page opens offline.
  useEffect(() => {
    registerServiceWorker();
    const t = window.setTimeout(reportLoadedAssets, 1500);
    return () => window.clearTimeout(t);
  }, []);

  useEffect(() => {
    void recoverInterrupted(me.id).then(() => {
      if (navigator.onLine) void processOutbox(me.id);
    });
    const send = () => {
      if (navigator.onLine) void processOutbox(me.id);
    };
    window.addEventListener('online', send);
    const timer = window.setInterval(send, RETRY_MS);
    return () => {
      window.removeEventListener('online', send);
      window.clearInterval(timer);
    };
  }, [me.id]);

  const doLogout = () =>
    modal.confirm({
      title: '退出登录？',
      content: '未发送的随访记录仍保存在这台手机上，下次以本账号登录后自动发送。',
      okText: '退出',
      cancelText: '取消',
      onOk: async () => {
        await logout();
        await clearCached(me.id);
        clearServiceWorkerApiCache();
        navigate('/login?redirect=%2Fm%2Ffollowups', { replace: true });
      },
    });

  return (
    <div className="cgm-app" data-testid="m-app" data-online={online ? 'true' : 'false'} data-mode="followups">
      <header className="cgm-header">
        <span className="cgm-header-mark">网</span>
        <div className="cgm-header-title" data-testid="m-title">
          今日随访
        </div>
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
          <DisconnectOutlined /> 当前离线：随访记录先保存在手机上，联网后自动发送
        </div>
      )}
      <main className="cgm-main">
        <Routes>
          <Route path="followups" element={<FollowUpsPage />} />
          <Route path="*" element={<Navigate to="/m/followups" replace />} />
        </Routes>
      </main>
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
          <Button block icon={<DesktopOutlined />} onClick={() => navigate('/')} data-testid="m-open-console">
            打开电脑版
          </Button>
          <Button block danger icon={<LogoutOutlined />} onClick={doLogout} data-testid="m-logout">
            退出登录
          </Button>
        </div>
      </Drawer>
    </div>
  );
}
