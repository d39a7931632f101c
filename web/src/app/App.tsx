import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { AuthProvider } from './auth';
import { createRouter } from './router';
import { SettingsProvider } from './settings';
import { createQueryClient } from '../lib/query';
import { theme } from './theme';

export function App() {
  const router = useMemo(() => createRouter(), []);
  const queryClient = useMemo(() => createQueryClient(), []);
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <SettingsProvider>
            <AuthProvider>
              <RouterProvider router={router} />
            </AuthProvider>
          </SettingsProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
