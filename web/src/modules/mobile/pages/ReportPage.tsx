import { DownOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Switch } from 'antd';
import { Link } from 'react-router';
import { CategorySheet } from '../components/CategorySheet';
import { GpsCard } from '../components/GpsCard';
import { PhotoPicker } from '../components/PhotoPicker';
import { ReportResult } from '../components/ReportResult';
import { useReportDraft } from '../use-report-draft';

/** 上报问题 on the phone: category, description, photos, position; stored first, then sent. */
export default function ReportPage() {
  const {
    me,
    online,
    categories,
    outbox,
    setParams,
    editing,
    draft,
    set,
    sheet,
    setSheet,
    errors,
    busy,
    done,
    setDone,
    gps,
    editLoc,
    setEditLoc,
    all,
    category,
    groupName,
    recent,
    reset,
    submit,
    setPlace,
  } = useReportDraft();

  if (done) {
    return (
      <ReportResult
        done={done}
        waiting={outbox.items.length}
        onAgain={() => setDone(null)}
        onEdit={(id) => {
          setDone(null);
          setParams({ edit: id });
        }}
      />
    );
  }

  return (
    <div className="cgm-page cgm-report" data-testid="m-report-page">
      {editing && (
        <Alert
          type="error"
          showIcon
          className="cgm-block"
          message="修改服务器拒收的上报"
          description={editing.lastError}
          data-testid="m-report-editing"
        />
      )}
      <section className="cgm-section">
        <div className="cgm-label">
          问题类别 <span className="cgm-req">*</span>
        </div>
        <button
          type="button"
          className={`cgm-select${errors.categoryCode ? ' has-error' : ''}`}
          onClick={() => setSheet(true)}
          disabled={!all.length}
          data-testid="m-category"
        >
          {category ? (
            <span data-testid="m-category-value">
              <span className="cgm-muted">{groupName} / </span>
              {category.name}
            </span>
          ) : (
            <span className="cgm-placeholder">
              {categories.loading && !all.length
                ? '正在加载类别…'
                : all.length
                  ? '请选择大类、小类'
                  : '类别未加载（需联网一次）'}
            </span>
          )}
          <DownOutlined />
        </button>
        {recent.length > 0 && (
          <div className="cgm-chips">
            {recent.map((c) => (
              <button
                type="button"
                key={c.code}
                className={`cgm-chip${c.code === draft.categoryCode ? ' is-active' : ''}`}
                onClick={() => set('categoryCode', c.code)}
              >
                {c.name}
              </button>
            ))}
          </div>
        )}
        {errors.categoryCode && <div className="cgm-field-error">{errors.categoryCode}</div>}
      </section>

      <section className="cgm-section">
        <div className="cgm-label">
          问题描述 <span className="cgm-req">*</span>
        </div>
        <Input.TextArea
          value={draft.description}
          onChange={(e) => set('description', e.target.value)}
          autoSize={{ minRows: 3, maxRows: 8 }}
          maxLength={4000}
          placeholder="写清位置和情况，如：朱庄路与交通路口东侧有生活垃圾堆放，约两立方米"
          status={errors.description ? 'error' : undefined}
          data-testid="m-description"
        />
        {errors.description && <div className="cgm-field-error">{errors.description}</div>}
      </section>

      {!draft.fixedOnSpot && (
        <section className="cgm-section">
          <div className="cgm-label">
            现场照片 <span className="cgm-muted">（照片中的拍摄位置可用于定位）</span>
          </div>
          <PhotoPicker photos={draft.photos} onChange={(p) => set('photos', p)} testId="m-photos" />
        </section>
      )}

      <section className="cgm-section">
        <div className="cgm-switch-row">
          <div>
            <div className="cgm-label cgm-label-inline">立行整改</div>
            <div className="cgm-muted">已当场整改完毕，上传整改前、整改后照片</div>
          </div>
          <Switch checked={draft.fixedOnSpot} onChange={(v) => set('fixedOnSpot', v)} data-testid="m-fixed-on-spot" />
        </div>
        {draft.fixedOnSpot && (
          <div className="cgm-fix-photos">
            <div className="cgm-label">
              整改前照片 <span className="cgm-req">*</span>
            </div>
            <PhotoPicker photos={draft.before} onChange={(p) => set('before', p)} testId="m-before" />
            {errors.before && <div className="cgm-field-error">{errors.before}</div>}
            <div className="cgm-label">
              整改后照片 <span className="cgm-req">*</span>
            </div>
            <PhotoPicker photos={draft.after} onChange={(p) => set('after', p)} testId="m-after" />
            {errors.after && <div className="cgm-field-error">{errors.after}</div>}
          </div>
        )}
      </section>

      <section className="cgm-section">
        <div className="cgm-label">位置</div>
        {editLoc ? (
          <div className="cgm-gps" data-testid="m-gps-kept">
            <div className="cgm-gps-fix">
              <div className="cgm-gps-body">
                <div className="cgm-gps-coords">
                  {editLoc.lng.toFixed(6)}, {editLoc.lat.toFixed(6)}
                </div>
                <div className="cgm-muted">上报时的定位 · 精度 ±{editLoc.accuracy} 米</div>
              </div>
            </div>
            <div className="cgm-gps-actions">
              <Button
                onClick={() => {
                  setEditLoc(null);
                  gps.locate();
                }}
              >
                改用当前位置
              </Button>
            </div>
          </div>
        ) : (
          <GpsCard
            gps={gps}
            online={online}
            myUnitId={me.unitId}
            hasPhotos={draft.photos.length + draft.before.length > 0}
            onPlace={setPlace}
          />
        )}
        <div className="cgm-label">地址/标志物</div>
        <Input
          value={draft.address}
          onChange={(e) => set('address', e.target.value)}
          maxLength={200}
          placeholder="如：交通路 18 号门前、XX 小区 3 号楼东侧"
          className="cgm-address"
          data-testid="m-address"
          status={errors.address ? 'error' : undefined}
        />
        {errors.address && <div className="cgm-field-error">{errors.address}</div>}
        {errors.location && <div className="cgm-field-error">{errors.location}</div>}
      </section>

      <div className="cgm-submit">
        <Button
          type="primary"
          block
          size="large"
          icon={<SendOutlined />}
          loading={busy}
          onClick={submit}
          data-testid="m-report-submit"
        >
          {online ? '提交上报' : '保存，联网后发送'}
        </Button>
        {editing && (
          <Button block type="text" onClick={reset}>
            放弃修改
          </Button>
        )}
        {!online && <div className="cgm-muted cgm-center">离线时上报先保存在手机上，联网后自动发送</div>}
      </div>

      <CategorySheet
        open={sheet}
        categories={all}
        value={draft.categoryCode}
        onClose={() => setSheet(false)}
        onPick={(c) => {
          set('categoryCode', c.code);
          setSheet(false);
        }}
      />
      {outbox.items.length > 0 && (
        <div className="cgm-center cgm-muted cgm-queue-hint">
          <Link to="/m/queue">本机有 {outbox.items.length} 条待发送 ›</Link>
        </div>
      )}
    </div>
  );
}
