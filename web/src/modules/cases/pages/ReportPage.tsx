import {
  AimOutlined,
  CheckCircleOutlined,
  EnvironmentOutlined,
  SendOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMe } from '../../../app/auth';
import { usePublicSettings } from '../../../app/settings';
import { applyFieldErrors, errorText } from '../../../lib/api';
import { orgApi, type BoundaryCollection, type BoundaryFeature, type Crs, type LocateResult } from '../../org/api';
import { UnitMap } from '../../org/components/UnitMap';
import { crsOptions } from '../../org/unit-kinds';
import { casesApi, type DuplicateHit, type ReportCaseInput, type UploadedFile } from '../api';
import { CaseStatusTag } from '../components/CaseTags';
import { CategorySelect } from '../components/CategorySelect';
import { PhotoUpload } from '../components/PhotoUpload';
import { timeLimitText } from '../labels';
import { useCategories } from '../use-categories';
import '../cases.css';

interface Values {
  categoryCode?: string;
  description?: string;
  address?: string;
  lng?: number | null;
  lat?: number | null;
  crs: Crs;
  photos?: UploadedFile[];
  fixedOnSpot: boolean;
  beforePhotos?: UploadedFile[];
  afterPhotos?: UploadedFile[];
}

const FIELDS = ['categoryCode', 'description', 'address', 'location', 'photoIds', 'beforePhotoIds', 'afterPhotoIds'];

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

export default function ReportPage() {
  const me = useMe();
  const settings = usePublicSettings();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { categories } = useCategories();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [focus, setFocus] = useState<BoundaryFeature | null>(null);
  const [children, setChildren] = useState<BoundaryCollection | null>(null);
  const [located, setLocated] = useState<LocateResult | null>(null);
  const [gridBoundary, setGridBoundary] = useState<BoundaryFeature | null>(null);
  const [dups, setDups] = useState<DuplicateHit[] | null>(null);
  const [dupRadius, setDupRadius] = useState<number | null>(null);
  const [gpsNote, setGpsNote] = useState<string | null>(null);

  const categoryCode = Form.useWatch('categoryCode', form);
  const lng = Form.useWatch('lng', form);
  const lat = Form.useWatch('lat', form);
  const crs = Form.useWatch('crs', form) ?? 'wgs84';
  const fixedOnSpot = Form.useWatch('fixedOnSpot', form) ?? false;
  const category = categories?.find((c) => c.code === categoryCode);

  // The reporter's own area on the map: their unit and the units below it.
  useEffect(() => {
    let stale = false;
    Promise.all([
      orgApi.boundary(me.unitId).catch(() => null),
      orgApi.childBoundaries(me.unitId).catch(() => null),
    ]).then(([f, fc]) => {
      if (stale) return;
      setFocus(f);
      setChildren(fc?.features.length ? fc : null);
    });
    return () => {
      stale = true;
    };
  }, [me.unitId]);

  // Which grid the point falls in (the server converts other coordinate systems to WGS-84).
  const locateSeq = useRef(0);
  useEffect(() => {
    if (lng == null || lat == null) {
      setLocated(null);
      setGridBoundary(null);
      return;
    }
    const seq = ++locateSeq.current;
    const t = setTimeout(() => {
      orgApi
        .locate(lng, lat, crs)
        .then((r) => {
          if (seq !== locateSeq.current) return;
          setLocated(r);
          // The reporter's own grid is drawn already; another grid is highlighted.
          if (r.found && r.grid && r.grid.id !== me.unitId) {
            orgApi
              .boundary(r.grid.id)
              .then((b) => seq === locateSeq.current && setGridBoundary(b))
              .catch(() => setGridBoundary(null));
          } else setGridBoundary(null);
        })
        .catch(() => seq === locateSeq.current && setLocated(null));
    }, 300);
    return () => clearTimeout(t);
  }, [lng, lat, crs, me.unitId]);

  // Possible duplicates: open cases of the same category nearby, nearest first.
  useEffect(() => {
    if (!categoryCode || lng == null || lat == null || categoryCode.length !== 4) {
      setDups(null);
      return;
    }
    const ctl = new AbortController();
    const t = setTimeout(() => {
      casesApi
        .duplicates({ categoryCode, lng, lat, crs }, ctl.signal)
        .then((r) => {
          setDups(r.items);
          setDupRadius(r.radiusM ?? null);
        })
        .catch(() => undefined);
    }, 400);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [categoryCode, lng, lat, crs]);

  const onPick = useCallback(
    (p: { lng: number; lat: number }) => {
      form.setFieldsValue({ lng: round6(p.lng), lat: round6(p.lat), crs: 'wgs84' });
      setGpsNote(null);
    },
    [form],
  );

  const onUploaded = (f: UploadedFile) => {
    if (!f.gps) return;
    const v = form.getFieldsValue(['lng', 'lat']);
    if (v.lng != null && v.lat != null) return;
    form.setFieldsValue({ lng: round6(f.gps.lng), lat: round6(f.gps.lat), crs: 'wgs84' });
    const when = f.takenAt ? `（拍摄于 ${dayjs(f.takenAt).format('YYYY-MM-DD HH:mm')}）` : '';
    setGpsNote(`已使用照片中的 GPS 位置${when}，如不准确请在地图上重新点选。`);
    message.info('已使用照片中的 GPS 位置');
  };

  const submit = async (v: Values) => {
    const hasLocation = v.lng != null && v.lat != null;
    const photos = v.photos ?? [];
    if (!hasLocation && !v.address?.trim() && !photos.some((p) => p.gps)) {
      setError('请在地图上点选问题位置、输入坐标或填写地址（也可上传带 GPS 定位的照片）。');
      return;
    }
    const body: ReportCaseInput = {
      categoryCode: v.categoryCode!,
      description: v.description!.trim(),
      ...(hasLocation ? { location: { lng: v.lng!, lat: v.lat!, crs: v.crs } } : {}),
      ...(v.address?.trim() ? { address: v.address.trim() } : {}),
      ...(photos.length ? { photoIds: photos.map((p) => p.id) } : {}),
    };
    if (v.fixedOnSpot) {
      body.fixedOnSpot = true;
      body.beforePhotoIds = (v.beforePhotos ?? []).map((p) => p.id);
      body.afterPhotoIds = (v.afterPhotos ?? []).map((p) => p.id);
    }
    setBusy(true);
    setError(null);
    try {
      const created = await casesApi.report(body);
      message.success(`已上报，案卷号 ${created.caseNumber}`);
      navigate(`/cases/${created.id}`, { replace: true });
    } catch (e) {
      const mapped = applyFieldErrors(
        {
          setFields: (fields: { name: string; errors: string[] }[]) =>
            form.setFields(
              fields.map((f) => ({
                name: (f.name === 'location'
                  ? 'lng'
                  : f.name === 'photoIds'
                    ? 'photos'
                    : f.name === 'beforePhotoIds'
                      ? 'beforePhotos'
                      : f.name === 'afterPhotoIds'
                        ? 'afterPhotos'
                        : f.name) as keyof Values,
                errors: f.errors,
              })),
            ),
        },
        e,
        FIELDS,
      );
      setError(errorText(e) + (mapped.length ? `（${mapped.map((r) => `${r.field}：${r.message}`).join('；')}）` : ''));
    } finally {
      setBusy(false);
    }
  };

  const marker = located?.point ?? (lng != null && lat != null && crs === 'wgs84' ? { lng, lat } : null);

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ crs: 'wgs84', fixedOnSpot: false, lng: null, lat: null }}
      onFinish={submit}
      data-testid="case-report-form"
      scrollToFirstError
    >
      <Row gutter={16} data-testid="case-report-page">
        <Col xs={24} xl={11}>
          <Card title="上报问题" extra={<Link to="/cases">返回问题台账</Link>}>
            {error && (
              <Alert
                type="error"
                showIcon
                message={error}
                style={{ marginBottom: 16 }}
                data-testid="case-report-error"
                closable
                onClose={() => setError(null)}
              />
            )}
            <Form.Item
              name="categoryCode"
              label="问题类别"
              rules={[{ required: true, message: '请选择问题小类' }]}
              extra={
                category ? (
                  <span data-testid="case-report-category-info">
                    处置时限 {timeLimitText(category.timeLimit)}
                    {category.defaultUnitName ? ` · 默认责任单位：${category.defaultUnitName}` : ''}
                  </span>
                ) : (
                  '先选大类，再选小类'
                )
              }
            >
              <CategorySelect
                leavesOnly
                placeholder="选择问题小类，可输入名称或代码搜索"
                data-testid="case-report-category"
              />
            </Form.Item>
            <Form.Item
              name="description"
              label="问题描述"
              rules={[
                { required: true, whitespace: true, message: '请描述问题' },
                { min: 2, message: '请至少写两个字' },
                { max: 4000 },
              ]}
            >
              <Input.TextArea
                rows={4}
                showCount
                maxLength={4000}
                placeholder="写清楚问题是什么、在哪里、影响多大"
                data-testid="case-report-description"
              />
            </Form.Item>
            <Form.Item label="问题位置" required extra="在右侧地图上点击即可标注；也可以输入坐标并选择坐标系。">
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="lng" noStyle>
                  <InputNumber
                    placeholder="经度"
                    min={-180}
                    max={180}
                    precision={6}
                    controls={false}
                    style={{ width: '32%' }}
                    data-testid="case-report-lng"
                    onChange={() => setGpsNote(null)}
                  />
                </Form.Item>
                <Form.Item name="lat" noStyle>
                  <InputNumber
                    placeholder="纬度"
                    min={-90}
                    max={90}
                    precision={6}
                    controls={false}
                    style={{ width: '32%' }}
                    data-testid="case-report-lat"
                    onChange={() => setGpsNote(null)}
                  />
                </Form.Item>
                <Form.Item name="crs" noStyle>
                  <Select
                    options={crsOptions}
                    style={{ width: '36%' }}
                    popupMatchSelectWidth={false}
                    data-testid="case-report-crs"
                  />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
            <div data-testid="case-report-located" style={{ marginTop: -12, marginBottom: 16 }}>
              {gpsNote && (
                <Typography.Text
                  type="success"
                  style={{ display: 'block', fontSize: 12 }}
                  data-testid="case-report-gps-note"
                >
                  <AimOutlined /> {gpsNote}
                </Typography.Text>
              )}
              {located &&
                (located.found && located.grid ? (
                  <Typography.Text style={{ fontSize: 12 }} data-testid="case-report-grid">
                    <CheckCircleOutlined style={{ color: '#52c41a' }} /> 位于{' '}
                    {[...located.ancestors.slice(1).map((u) => u.name), located.grid.name].join(' / ')}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="case-report-grid">
                    <WarningOutlined /> 该点不在任何网格内，上报后将标记为网格外问题。
                  </Typography.Text>
                ))}
            </div>
            <Form.Item name="address" label="地址（可选）" rules={[{ max: 200 }]}>
              <Input placeholder="如：七一路与中州大道交叉口东北角" data-testid="case-report-address" />
            </Form.Item>
            <Form.Item
              name="photos"
              label="现场照片"
              extra="JPEG / PNG / HEIC，单张不超过 15 MB；带 GPS 的照片可自动定位。"
              valuePropName="value"
            >
              <PhotoUpload onUploaded={onUploaded} data-testid="case-report-photos" />
            </Form.Item>
            <Form.Item
              name="fixedOnSpot"
              label="立行整改"
              valuePropName="checked"
              extra="能当场解决的问题：整改后上传整改前、整改后照片，直接进入核查，不再派遣。"
            >
              <Switch checkedChildren="已现场整改" unCheckedChildren="否" data-testid="case-report-fixed" />
            </Form.Item>
            {fixedOnSpot && (
              <Row gutter={12}>
                <Col span={12}>
                  <Form.Item
                    name="beforePhotos"
                    label="整改前照片"
                    valuePropName="value"
                    rules={[
                      {
                        validator: (_, v?: UploadedFile[]) =>
                          v?.length ? Promise.resolve() : Promise.reject(new Error('请上传整改前照片')),
                      },
                    ]}
                  >
                    <PhotoUpload max={5} label="整改前" data-testid="case-report-before" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item
                    name="afterPhotos"
                    label="整改后照片"
                    valuePropName="value"
                    rules={[
                      {
                        validator: (_, v?: UploadedFile[]) =>
                          v?.length ? Promise.resolve() : Promise.reject(new Error('请上传整改后照片')),
                      },
                    ]}
                  >
                    <PhotoUpload max={5} label="整改后" data-testid="case-report-after" />
                  </Form.Item>
                </Col>
              </Row>
            )}
            <Space>
              <Button
                type="primary"
                htmlType="submit"
                icon={<SendOutlined />}
                loading={busy}
                data-testid="case-report-submit"
              >
                {fixedOnSpot ? '提交（立行整改）' : '上报'}
              </Button>
              <Button onClick={() => navigate('/cases')}>取消</Button>
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card
              size="small"
              title={
                <Space>
                  <EnvironmentOutlined />
                  <span>点击地图标注问题位置</span>
                </Space>
              }
              styles={{ body: { padding: 8 } }}
            >
              <div data-testid="case-report-map">
                <UnitMap
                  tileUrl={settings.mapTileUrl}
                  focus={focus}
                  childBoundaries={children}
                  highlight={gridBoundary}
                  marker={marker}
                  picking
                  onChildClick={() => undefined}
                  onPick={onPick}
                  height={420}
                />
              </div>
            </Card>
            <Card
              size="small"
              title={
                <Space>
                  <span>可能重复的问题</span>
                  {dups && dups.length > 0 && <Tag color="orange">{dups.length}</Tag>}
                </Space>
              }
              data-testid="case-report-duplicates"
            >
              {dups === null ? (
                <Typography.Text type="secondary">
                  选择问题类别并标注位置后，这里列出附近尚未办结的同类问题。
                </Typography.Text>
              ) : dups.length === 0 ? (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={`附近${dupRadius ? ` ${dupRadius} 米内` : ''}没有尚未办结的同类问题`}
                  data-testid="case-report-no-duplicates"
                />
              ) : (
                <>
                  <Alert
                    type="warning"
                    showIcon
                    style={{ marginBottom: 8 }}
                    message="附近已有同类问题在办理，请先核对是否为同一问题；重复上报会在研判时合并。"
                  />
                  {dups.map((d) => (
                    <div key={d.id} className="cg-dup-item" data-testid="case-duplicate">
                      <Space size={8} wrap>
                        <Link to={`/cases/${d.id}`} target="_blank" className="cg-mono">
                          {d.caseNumber}
                        </Link>
                        <CaseStatusTag status={d.status} />
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          相距 {d.distanceM} 米 · {dayjs(d.reportedAt).format('MM-DD HH:mm')}
                        </Typography.Text>
                      </Space>
                      <div className="cg-case-desc" style={{ fontSize: 13 }}>
                        {d.description}
                      </div>
                    </div>
                  ))}
                </>
              )}
            </Card>
          </Space>
        </Col>
      </Row>
    </Form>
  );
}
