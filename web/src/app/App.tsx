import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { AuthProvider } from './auth';
import { createRouter } from './router';
import { SettingsProvider } from './settings';
import { theme } from './theme';

export function App() {
  const router = useMemo(() => createRouter(), []);
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <SettingsProvider>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </SettingsProvider>
      </AntApp>
    </ConfigProvider>
  );
}
