import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { authApi, type PublicSettings } from '../modules/auth/api';

const fallback: PublicSettings = { districtCode: '', districtName: '', mapTileUrl: null, version: '' };

const SettingsContext = createContext<PublicSettings>(fallback);

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<PublicSettings>(fallback);
  useEffect(() => {
    authApi
      .publicSettings()
      .then((s) => {
        setSettings(s);
        document.title = s.districtName ? `${s.districtName} · 网格治理平台` : '网格治理平台';
      })
      .catch(() => undefined);
  }, []);
  return <SettingsContext.Provider value={settings}>{children}</SettingsContext.Provider>;
}

export function usePublicSettings(): PublicSettings {
  return useContext(SettingsContext);
}
