import { App, Form } from 'antd';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../app/auth';
import { applyFieldErrors, errorText } from '../../lib/api';
import { useApiQuery } from '../../lib/query';
import { useDebounced } from '../../lib/use-debounced';
import { orgApi, type Crs } from '../org/api';
import { casesApi, type ReportCaseInput, type UploadedFile } from './api';
import { useCategories } from './use-categories';
import { formatDateTime } from '../../lib/format-time';

export interface CaseReportValues {
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
/** The server's field names, as the form's. */
const FORM_FIELD: Record<string, keyof CaseReportValues> = {
  location: 'lng',
  photoIds: 'photos',
  beforePhotoIds: 'beforePhotos',
  afterPhotoIds: 'afterPhotos',
};

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/** The office 上报问题 form: the reporter's area, where the point falls, nearby duplicates, and sending. */
export function useCaseReport() {
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<CaseReportValues>();
  const { categories } = useCategories();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [gpsNote, setGpsNote] = useState<string | null>(null);

  const categoryCode = Form.useWatch('categoryCode', form);
  const lng = Form.useWatch('lng', form);
  const lat = Form.useWatch('lat', form);
  const crs = Form.useWatch('crs', form) ?? 'wgs84';
  const fixedOnSpot = Form.useWatch('fixedOnSpot', form) ?? false;
  const category = categories?.find((c) => c.code === categoryCode);
  const hasPoint = lng != null && lat != null;

  // The reporter's own area on the map: their unit and the units below it.
  const area = useApiQuery(
    ['org', 'area', me.unitId],
    async (signal) => {
      const [focus, children] = await Promise.all([
        orgApi.boundary(me.unitId, signal).catch(() => null),
        orgApi.childBoundaries(me.unitId, signal).catch(() => null),
      ]);
      return { focus, children: children?.features.length ? children : null };
    },
    undefined,
    { staleTime: 5 * 60_000 },
  );

  // Which grid the point falls in (the server converts other coordinate systems to WGS-84).
  const point = useDebounced(hasPoint ? { lng, lat, crs } : null, 300);
  const locateQuery = useApiQuery(
    ['org', 'locate', point],
    (signal) => orgApi.locate(point!.lng!, point!.lat!, point!.crs, signal),
    undefined,
    { enabled: !!point },
  );
  const located = hasPoint && point && !locateQuery.error ? (locateQuery.data ?? null) : null;
  // The reporter's own grid is drawn already; another grid is highlighted.
  const otherGrid = located?.found && located.grid && located.grid.id !== me.unitId ? located.grid.id : null;
  const gridQuery = useApiQuery(
    ['org', 'boundary', otherGrid],
    (signal) => orgApi.boundary(otherGrid!, signal),
    undefined,
    { enabled: !!otherGrid, keepPrevious: false },
  );
  const gridBoundary = otherGrid && !gridQuery.error ? (gridQuery.data ?? null) : null;

  // Possible duplicates: open cases of the same category nearby, nearest first.
  const dupAt = useDebounced(
    categoryCode && categoryCode.length === 4 && hasPoint ? { categoryCode, lng, lat, crs } : null,
    400,
  );
  const dupQuery = useApiQuery(
    ['cases', 'duplicates', dupAt],
    (signal) => casesApi.duplicates({ ...dupAt!, lng: dupAt!.lng!, lat: dupAt!.lat! }, signal),
    undefined,
    { enabled: !!dupAt },
  );
  const dups = dupAt && categoryCode && hasPoint ? (dupQuery.data?.items ?? null) : null;
  const dupRadius = dupQuery.data?.radiusM ?? null;

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
    const when = f.takenAt ? `（拍摄于 ${formatDateTime(f.takenAt)}）` : '';
    setGpsNote(`已使用照片中的 GPS 位置${when}，如不准确请在地图上重新点选。`);
    message.info('已使用照片中的 GPS 位置');
  };

  const submit = async (v: CaseReportValues) => {
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
            form.setFields(fields.map((f) => ({ name: FORM_FIELD[f.name] ?? f.name, errors: f.errors }))),
        },
        e,
        FIELDS,
      );
      setError(errorText(e) + (mapped.length ? `（${mapped.map((r) => `${r.field}：${r.message}`).join('；')}）` : ''));
    } finally {
      setBusy(false);
    }
  };

  const marker = located?.point ?? (hasPoint && crs === 'wgs84' ? { lng, lat } : null);

  return {
    form,
    category,
    fixedOnSpot,
    busy,
    error,
    setError,
    gpsNote,
    setGpsNote,
    focus: area.data?.focus ?? null,
    children: area.data?.children ?? null,
    located,
    gridBoundary,
    marker,
    dups,
    dupRadius,
    onPick,
    onUploaded,
    submit,
  };
}
