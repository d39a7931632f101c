import { LockOutlined, LogoutOutlined, MenuFoldOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Breadcrumb, Button, Layout, Menu, Space, Spin, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { Suspense, useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth, useMe } from '../auth';
import { navGroup, visibleNav } from '../nav';
import { usePublicSettings } from '../settings';

const { Header, Sider, Content, Footer } = Layout;

interface MenuEntry {
  key: string;
  label: React.ReactNode;
  icon?: React.ReactNode;
  children?: MenuEntry[];
}

export function AppLayout() {
  const me = useMe();
  const { logout } = useAuth();
  const settings = usePublicSettings();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const nav = useMemo(() => visibleNav(me), [me]);

  const selectedKey = useMemo(() => {
    const path = location.pathname.replace(/^\/+/, '');
    const hit = nav
      .filter((n) => n.path !== '' && (path === n.path || path.startsWith(`${n.path}/`)))
      .sort((a, b) => b.path.length - a.path.length)[0];
    return hit?.key ?? (path === '' ? nav.find((n) => n.path === '')?.key : undefined);
  }, [nav, location.pathname]);

  const menuItems = useMemo<MenuEntry[]>(() => {
    const out: MenuEntry[] = [];
    const groups = new Map<string, MenuEntry>();
    for (const n of nav) {
      const entry: MenuEntry = { key: n.key, icon: n.icon, label: <span data-testid={`nav-${n.key}`}>{n.label}</span> };
      const g = n.group ? navGroup(n.group) : undefined;
      if (!g) {
        out.push(entry);
        continue;
      }
      let holder = groups.get(g.key);
      if (!holder) {
        holder = { key: `group-${g.key}`, label: g.label, icon: g.icon, children: [] };
        groups.set(g.key, holder);
        out.push(holder);
      }
      holder.children!.push(entry);
    }
    return out;
  }, [nav]);

  const onMenu: MenuProps['onClick'] = ({ key }) => {
    const n = nav.find((x) => x.key === key);
    if (n) navigate(`/${n.path}`);
  };

  const current = nav.find((n) => n.key === selectedKey);

  // The group holding the current page opens with it (a page opened by its address or from the 工作台
  // shows where it sits in the menu); groups the user opened or closed stay as they are.
  const currentGroup = current?.group ? `group-${current.group}` : undefined;
  const [openKeys, setOpenKeys] = useState<string[]>(currentGroup ? [currentGroup] : []);
  useEffect(() => {
    if (currentGroup) setOpenKeys((keys) => (keys.includes(currentGroup) ? keys : [...keys, currentGroup]));
  }, [currentGroup]);

  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="app-layout">
      <Sider
        collapsible
        collapsed={collapsed}
        trigger={null}
        width={216}
        className="cg-sider"
        breakpoint="lg"
        onBreakpoint={(broken) => setCollapsed(broken)}
      >
        <div className="cg-logo" onClick={() => navigate('/')}>
          <span className="cg-logo-mark">网</span>
          {!collapsed && <span className="cg-logo-text">网格治理平台</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          items={menuItems as MenuProps['items']}
          selectedKeys={selectedKey ? [selectedKey] : []}
          // Collapsed, the groups open as pop-ups on hover: antd keeps their state then.
          {...(collapsed ? {} : { openKeys, onOpenChange: setOpenKeys })}
          onClick={onMenu}
          data-testid="side-menu"
        />
      </Sider>
      <Layout>
        <Header className="cg-header">
          <Space size={12} align="center" className="cg-header-left">
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed((c) => !c)}
              aria-label={collapsed ? '展开菜单' : '收起菜单'}
            />
            <Typography.Text strong className="cg-header-district" data-testid="header-district">
              {settings.districtName}
              {settings.districtName && <span className="cg-header-divider" />}
              <span className="cg-header-platform">网格治理平台</span>
            </Typography.Text>
          </Space>
          <Space size={16} align="center" className="cg-header-right">
            <Space size={8} data-testid="header-user" title={`${me.displayName}（${me.unitName}）`}>
              <Avatar size="small" icon={<UserOutlined />} style={{ background: '#1f5fbf' }} />
              <span className="cg-header-user">
                <span className="cg-header-user-name">{me.displayName}</span>
                <span className="cg-header-user-unit">{me.unitName}</span>
              </span>
            </Space>
            <Button
              type="text"
              icon={<LockOutlined />}
              onClick={() => navigate('/change-password')}
              data-testid="header-change-password"
              aria-label="修改密码"
            >
              <span className="cg-header-btn-text">修改密码</span>
            </Button>
            <Button
              icon={<LogoutOutlined />}
              onClick={async () => {
                await logout();
                navigate('/login', { replace: true });
              }}
              data-testid="logout"
              aria-label="退出登录"
            >
              <span className="cg-header-btn-text">退出登录</span>
            </Button>
          </Space>
        </Header>
        <Content className="cg-content">
          {current && current.path !== '' && (
            <Breadcrumb
              className="cg-breadcrumb"
              data-testid="page-breadcrumb"
              items={[{ title: <Link to="/">首页</Link> }, { title: current.label }]}
            />
          )}
          <Suspense
            fallback={
              <div style={{ padding: 80, textAlign: 'center' }}>
                <Spin size="large" />
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </Content>
        <Footer className="cg-footer">
          CivicGrid 网格治理平台{settings.version ? ` v${settings.version}` : ''}
          {settings.districtName ? ` · ${settings.districtName}` : ''}
        </Footer>
      </Layout>
    </Layout>
  );
}
