import type { ThemeConfig } from 'antd';

export const BRAND = '#1f5fbf';
const SIDER = '#0e2748';

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND,
    colorInfo: BRAND,
    borderRadius: 4,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: { siderBg: SIDER, headerBg: '#ffffff', bodyBg: '#f0f2f5', headerPadding: '0 20px', headerHeight: 56 },
    Menu: {
      darkItemBg: SIDER,
      darkSubMenuItemBg: '#0a1f3b',
      darkItemSelectedBg: BRAND,
      itemHeight: 44,
    },
    Card: { headerFontSize: 15 },
    Table: { headerBg: '#f5f7fa' },
  },
};
