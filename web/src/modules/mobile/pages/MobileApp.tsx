import {
  AuditOutlined,
  CameraOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  DesktopOutlined,
  DisconnectOutlined,
  FormOutlined,
  HomeOutlined,
  LeftOutlined,
  LogoutOutlined,
  ShopOutlined,
  ToolOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Badge, Button, ConfigProvider, Drawer, Result } from 'antd';
import { Navigate, NavLink, Route, Routes } from 'react-router';
import { useMe } from '../../../app/auth';
import { isFollowUpOnly } from '../home';
import { MobileContext } from '../context';
import '../mobile.css';
import { useMobileShell } from '../use-mobile-shell';
import { WorkStrip } from '../components/WorkStrip';
import CaseListPage from './CaseListPage';
import CaseViewPage from './CaseViewPage';
import CrewListPage from './CrewListPage';
import DoorKnockPage from './DoorKnockPage';
import FollowUpShell from './FollowUpShell';
import EntryPage from './EntryPage';
import FollowUpsPage from './FollowUpsPage';
import PatrolPage from './PatrolPage';
import QueuePage from './QueuePage';
import ReportPage from './ReportPage';
import StarEvidencePage from './StarEvidencePage';
import StarWeeklyPage from './StarWeeklyPage';
import VenueInspectPage from './VenueInspectPage';
import VenueListPage from './VenueListPage';

function titleOf(path: string): { title: string; back: boolean } {
  if (path.startsWith('/m/crew/done')) return { title: '已反馈', back: false };
  if (path.startsWith('/m/crew')) return { title: '处置通', back: false };
  if (path.startsWith('/m/report')) return { title: '上报问题', back: false };
  if (path.startsWith('/m/verify')) return { title: '待核查', back: false };
  if (path.startsWith('/m/cases/')) return { title: '案卷详情', back: true };
  if (path.startsWith('/m/queue')) return { title: '待发送', back: true };
  if (path.startsWith('/m/patrol')) return { title: '巡查', back: true };
  if (path.startsWith('/m/venues/')) return { title: '场所检查', back: true };
  if (path.startsWith('/m/venues')) return { title: '场所检查', back: false };
  if (path.startsWith('/m/followups')) return { title: '今日随访', back: false };
  if (path.startsWith('/m/entry')) return { title: '录入工作量', back: false };
  if (path.startsWith('/m/weekly')) return { title: '支部周报', back: true };
  if (path.startsWith('/m/evidence')) return { title: '上传佐证', back: true };
  if (path.startsWith('/m/knock')) return { title: '敲门行动', back: /^\/m\/knock\/./.test(path) };
  return { title: '我的网格', back: false };
}

function MobileShell() {
  const {
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
  } = useMobileShell();

  const head = titleOf(location.pathname);
  const canKnock = me.permissions.includes('resident.write');
  const verifyCount = toVerify.data?.items.length ?? 0;
  const toSign = crewTodo.data?.items.filter((c) => c.status === 'dispatched').length ?? 0;

  if (!me.permissions.includes('case.read')) {
    return <Result status="403" title="无权使用" subTitle="当前账号不能查看问题台账，请联系系统管理员。" />;
  }

  return (
    <MobileContext.Provider value={state}>
      <div className="cgm-app" data-testid="m-app" data-online={online ? 'true' : 'false'} data-mode={mode}>
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
            <DisconnectOutlined />{' '}
            {mode === 'crew'
              ? '当前离线：签收、反馈、延期和退回先保存在手机上，联网后自动发送'
              : '当前离线：上报、核查和场所检查先保存在手机上，联网后自动发送'}
          </div>
        )}
        <main className="cgm-main">
          {(location.pathname.replace(/\/$/, '') === '/m' || location.pathname === '/m/crew') && (
            <WorkStrip who={{ mode, permissions: me.permissions }} />
          )}
          <Routes>
            <Route index element={crewOnly ? <Navigate to="/m/crew" replace /> : <CaseListPage mode="grid" />} />
            <Route path="crew" element={<CrewListPage mode="todo" />} />
            <Route path="crew/done" element={<CrewListPage mode="done" />} />
            <Route path="verify" element={<CaseListPage mode="verify" />} />
            <Route
              path="report"
              element={canReport ? <ReportPage /> : <Result status="403" title="当前账号不能上报问题" />}
            />
            <Route path="cases/:id" element={<CaseViewPage />} />
            <Route path="queue" element={<QueuePage />} />
            <Route path="patrol" element={<PatrolPage />} />
            <Route path="venues" element={<VenueListPage />} />
            <Route path="venues/:id" element={<VenueInspectPage />} />
            {canKnock && <Route path="knock/*" element={<DoorKnockPage />} />}
            {me.permissions.includes('followup.record') && <Route path="followups" element={<FollowUpsPage />} />}
            {me.permissions.includes('indicator.enter') && <Route path="entry" element={<EntryPage />} />}
            {me.permissions.includes('star.report') && <Route path="weekly" element={<StarWeeklyPage />} />}
            {me.permissions.includes('star.report') && <Route path="evidence" element={<StarEvidencePage />} />}
            <Route path="*" element={<Navigate to="/m" replace />} />
          </Routes>
        </main>
        {mode === 'crew' ? (
          <nav className="cgm-tabbar" data-testid="m-tabbar">
            <NavLink to="/m/crew" end className="cgm-tab" data-testid="m-tab-crew">
              <Badge count={toSign} size="small" offset={[6, -2]}>
                <ToolOutlined />
              </Badge>
              <span>待处置</span>
            </NavLink>
            <NavLink to="/m/crew/done" className="cgm-tab" data-testid="m-tab-crew-done">
              <CheckSquareOutlined />
              <span>已反馈</span>
            </NavLink>
            {!crewOnly && (
              <NavLink to="/m" end className="cgm-tab" data-testid="m-tab-grid">
                <UnorderedListOutlined />
                <span>我的网格</span>
              </NavLink>
            )}
          </nav>
        ) : (
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
            {canKnock && (
              <NavLink to="/m/knock" className="cgm-tab" data-testid="m-tab-knock">
                <HomeOutlined />
                <span>敲门</span>
              </NavLink>
            )}
            {me.permissions.includes('venue.inspect') && (
              <NavLink to="/m/venues" className="cgm-tab" data-testid="m-tab-venues">
                <ShopOutlined />
                <span>场所检查</span>
              </NavLink>
            )}
            {me.permissions.includes('indicator.enter') && (
              <NavLink to="/m/entry" className="cgm-tab" data-testid="m-tab-entry">
                <FormOutlined />
                <span>录入工作量</span>
              </NavLink>
            )}
          </nav>
        )}
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
            {!crewOnly && mode === 'grid' && !me.roles.includes('grid_worker') && (
              <Button block icon={<ToolOutlined />} onClick={() => navigate('/m/crew')} data-testid="m-open-crew">
                处置通（派遣给本单位的问题）
              </Button>
            )}
            {me.permissions.includes('followup.record') && (
              <Button
                block
                icon={<HomeOutlined />}
                onClick={() => navigate('/m/followups')}
                data-testid="m-open-followups"
              >
                今日随访（包保的居家措施人员）
              </Button>
            )}
            <Button block icon={<DesktopOutlined />} onClick={() => navigate('/')} data-testid="m-open-console">
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
  const me = useMe();
  return (
    <ConfigProvider
      componentSize="large"
      theme={{
        token: { fontSize: 15, borderRadius: 8, controlHeightLG: 46 },
        components: { Button: { contentFontSizeLG: 16 } },
      }}
    >
      {isFollowUpOnly(me) ? <FollowUpShell /> : <MobileShell />}
    </ConfigProvider>
  );
}
