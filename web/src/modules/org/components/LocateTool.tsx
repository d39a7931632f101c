import { AimOutlined, DownOutlined, EnvironmentOutlined, SearchOutlined, UpOutlined } from '@ant-design/icons';
import { Alert, App, Breadcrumb, Button, Form, InputNumber, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { errorText } from '../../../lib/api';
import { orgApi, type Crs, type LocateResult, type Unit } from '../api';
import { crsOptions } from '../unit-kinds';
import { UnitKindTag } from '../../../components/UnitKindTag';

interface Props {
  /** Whether a map click currently picks the point. */
  picking: boolean;
  onPickingChange(picking: boolean): void;
  /** A point clicked on the map (WGS-84); locating starts at once. */
  picked: { lng: number; lat: number; seq: number } | null;
  onResult(result: LocateResult | null): void;
  /** Show the found grid in the organisation tree. */
  onReveal(path: Unit[]): void;
}

interface Values {
  lng: number | null;
  lat: number | null;
  crs: Crs;
}

/** 定位: which grid does a point fall in. */
export function LocateTool({ picking, onPickingChange, picked, onResult, onReveal }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<LocateResult | null>(null);
  const [collapsed, setCollapsed] = useState(false);

  const locate = async (v: Values) => {
    if (v.lng == null || v.lat == null) return;
    setBusy(true);
    try {
      const r = await orgApi.locate(v.lng, v.lat, v.crs);
      setResult(r);
      onResult(r);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (!picked) return;
    const v: Values = { lng: round(picked.lng), lat: round(picked.lat), crs: 'wgs84' };
    form.setFieldsValue(v);
    onPickingChange(false);
    void locate(v);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [picked]);

  const clear = () => {
    setResult(null);
    onResult(null);
  };

  return (
    <div data-testid="locate-tool">
      <div className="cg-locate-head">
        <Space size={6}>
          <EnvironmentOutlined style={{ color: '#1f5fbf' }} />
          <span>定位</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
            查询坐标所在网格
          </Typography.Text>
        </Space>
        <Button
          type="text"
          size="small"
          icon={collapsed ? <DownOutlined /> : <UpOutlined />}
          onClick={() => setCollapsed((c) => !c)}
          aria-label={collapsed ? '展开' : '收起'}
          data-testid="locate-toggle"
        />
      </div>
      <div className="cg-locate-body" style={{ display: collapsed ? 'none' : undefined }}>
        <Form form={form} initialValues={{ crs: 'wgs84', lng: null, lat: null }} onFinish={locate}>
          <div style={{ display: 'flex', gap: 8 }}>
            <Form.Item name="lng" rules={[{ required: true, message: '请输入经度' }]} style={{ flex: 1 }}>
              <InputNumber
                placeholder="经度"
                min={-180}
                max={180}
                step={0.001}
                precision={6}
                style={{ width: '100%' }}
                controls={false}
                data-testid="locate-lng"
              />
            </Form.Item>
            <Form.Item name="lat" rules={[{ required: true, message: '请输入纬度' }]} style={{ flex: 1 }}>
              <InputNumber
                placeholder="纬度"
                min={-90}
                max={90}
                step={0.001}
                precision={6}
                style={{ width: '100%' }}
                controls={false}
                data-testid="locate-lat"
              />
            </Form.Item>
          </div>
          <Form.Item name="crs">
            <Select options={crsOptions} data-testid="locate-crs" />
          </Form.Item>
          <Space wrap>
            <Button
              type="primary"
              htmlType="submit"
              icon={<SearchOutlined />}
              loading={busy}
              data-testid="locate-submit"
            >
              定位
            </Button>
            <Button
              icon={<AimOutlined />}
              type={picking ? 'primary' : 'default'}
              ghost={picking}
              onClick={() => onPickingChange(!picking)}
              data-testid="locate-pick"
            >
              {picking ? '请点击地图…' : '地图点选'}
            </Button>
            {result && (
              <Button type="link" onClick={clear} style={{ paddingInline: 4 }}>
                清除
              </Button>
            )}
          </Space>
        </Form>

        {result && (
          <div style={{ marginTop: 12 }} data-testid="locate-result">
            {result.found && result.grid ? (
              <Alert
                type="success"
                showIcon
                message={
                  <Space wrap size={4}>
                    <UnitKindTag kind={result.grid.kind} />
                    <Typography.Text strong data-testid="locate-grid-name">
                      {result.grid.name}
                    </Typography.Text>
                  </Space>
                }
                description={
                  <Space direction="vertical" size={4} style={{ width: '100%' }}>
                    <Breadcrumb
                      data-testid="locate-path"
                      style={{ fontSize: 12 }}
                      items={result.ancestors.map((u) => ({ title: u.name }))}
                    />
                    {result.grid.code && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        网格代码：{result.grid.code}
                      </Typography.Text>
                    )}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      WGS-84：{result.point.lng.toFixed(6)}, {result.point.lat.toFixed(6)}
                    </Typography.Text>
                    <Button
                      size="small"
                      onClick={() => onReveal([...result.ancestors, result.grid as Unit])}
                      data-testid="locate-reveal"
                    >
                      在组织树中查看
                    </Button>
                  </Space>
                }
              />
            ) : (
              <Alert
                type="warning"
                showIcon
                data-testid="locate-not-found"
                message="不在任何网格内"
                description={
                  <span style={{ fontSize: 12 }}>
                    WGS-84：{result.point.lng.toFixed(6)}, {result.point.lat.toFixed(6)}
                    <br />
                    请核对坐标和坐标系。
                  </span>
                }
              />
            )}
          </div>
        )}
      </div>
    </div>
  );
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
