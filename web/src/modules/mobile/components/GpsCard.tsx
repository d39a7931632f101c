import { AimOutlined, EnvironmentOutlined, LoadingOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { mobileApi } from '../api';
import type { Gps } from '../lib/hooks';

function accuracyColor(m: number): string {
  if (m <= 30) return 'green';
  if (m <= 100) return 'orange';
  return 'red';
}

interface Props {
  gps: Gps;
  online: boolean;
  /** The account's own grid, to say when the point lies outside it. */
  myUnitId: string;
  hasPhotos: boolean;
  /** Where the point lies, once the server has placed it (null: in no grid, or no point). */
  onPlace?(place: { gridName: string; communityName: string | null } | null): void;
}

/** The report's position: GPS with its accuracy, a retry, and what happens without it. */
export function GpsCard({ gps, online, myUnitId, hasPhotos, onPlace }: Props) {
  const [grid, setGrid] = useState<{ found: boolean; id?: string; name?: string } | null>(null);
  const fix = gps.fix;

  // Which grid the point falls in, when the server can be asked (not needed to report).
  useEffect(() => {
    setGrid(null);
    if (!fix || !online || gps.state !== 'ok') return;
    let alive = true;
    mobileApi
      .locate(fix)
      .then((r) => {
        if (!alive) return;
        setGrid(r.found && r.grid ? { found: true, id: r.grid.id, name: r.grid.name } : { found: false });
        const community = r.ancestors.find((u) => u.kind === 'community' || u.kind === 'village');
        onPlace?.(r.found && r.grid ? { gridName: r.grid.name, communityName: community?.name ?? null } : null);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [fix?.lng, fix?.lat, online, gps.state]); // eslint-disable-line react-hooks/exhaustive-deps

  const fallback = hasPhotos
    ? '提交后将使用照片中的拍摄位置；照片无位置时请填写下方地址。'
    : '可拍照（照片带位置）或填写下方地址。';

  return (
    <div className="cgm-gps" data-testid="m-gps" data-state={gps.state}>
      {fix ? (
        <div className="cgm-gps-fix">
          <EnvironmentOutlined className="cgm-gps-icon" />
          <div className="cgm-gps-body">
            <div className="cgm-gps-coords" data-testid="m-gps-coords">
              {fix.lng.toFixed(6)}, {fix.lat.toFixed(6)}
            </div>
            <div className="cgm-gps-meta">
              <Tag color={accuracyColor(fix.accuracy)} bordered={false} data-testid="m-gps-accuracy">
                精度 ±{fix.accuracy} 米
              </Tag>
              {gps.state === 'locating' && (
                <span className="cgm-muted">
                  <LoadingOutlined /> 正在提高精度…
                </span>
              )}
              {grid?.found && (
                <span
                  className={grid.id === myUnitId ? 'cgm-gps-grid' : 'cgm-gps-grid is-other'}
                  data-testid="m-gps-grid"
                >
                  {grid.id === myUnitId ? '位于本网格' : '位于'}：{grid.name}
                </span>
              )}
              {grid && !grid.found && <span className="cgm-gps-grid is-other">不在任何网格内</span>}
            </div>
            {fix.accuracy > 100 && gps.state === 'ok' && (
              <div className="cgm-warn-text">精度较差，建议到开阔处重新定位</div>
            )}
          </div>
        </div>
      ) : gps.state === 'locating' ? (
        <div className="cgm-gps-fix">
          <LoadingOutlined className="cgm-gps-icon" />
          <div className="cgm-gps-body">正在获取 GPS 位置…</div>
        </div>
      ) : gps.state === 'error' ? (
        <div className="cgm-gps-fix is-error" data-testid="m-gps-error">
          <WarningOutlined className="cgm-gps-icon" />
          <div className="cgm-gps-body">
            <div>{gps.error}</div>
            <div className="cgm-muted">{fallback}</div>
          </div>
        </div>
      ) : (
        <div className="cgm-gps-fix">
          <AimOutlined className="cgm-gps-icon" />
          <div className="cgm-gps-body cgm-muted">未使用定位。{fallback}</div>
        </div>
      )}
      <div className="cgm-gps-actions">
        <Button
          icon={<AimOutlined />}
          onClick={gps.locate}
          loading={gps.state === 'locating' && !fix}
          data-testid="m-gps-retry"
        >
          {fix || gps.state === 'error' ? '重新定位' : '获取定位'}
        </Button>
        {fix && (
          <Button type="text" onClick={gps.clear} data-testid="m-gps-clear">
            不使用此位置
          </Button>
        )}
      </div>
    </div>
  );
}
