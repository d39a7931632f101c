import { CheckOutlined, ClockCircleOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Drawer, Input, InputNumber, Segmented } from 'antd';
import type { CrewStepsState } from '../use-crew-steps';
import { PhotoPicker } from './PhotoPicker';

const TITLES = {
  feedback: '处置反馈',
  request_extension: '申请延期',
  return: '退回（派遣有误）',
} as const;

/** The crew's buttons at the bottom of a case: 退回 · 延期 · 签收 or 处置反馈. */
export function CrewActionBar({ crew }: { crew: CrewStepsState }) {
  const { steps, begin, busy } = crew;
  if (!steps.length) return null;
  const main = steps.includes('start') ? 'start' : steps.includes('feedback') ? 'feedback' : null;
  return (
    <div className="cgm-actionbar" data-testid="m-crew-actionbar">
      {steps.includes('return') && (
        <Button
          danger
          className="cgm-step-secondary"
          icon={<RollbackOutlined />}
          onClick={() => begin('return')}
          data-testid="m-crew-return"
        >
          退回
        </Button>
      )}
      {steps.includes('request_extension') && (
        <Button
          className="cgm-step-secondary"
          icon={<ClockCircleOutlined />}
          onClick={() => begin('request_extension')}
          data-testid="m-crew-extension"
        >
          延期
        </Button>
      )}
      {main && (
        <Button
          type="primary"
          icon={main === 'start' ? <CheckOutlined /> : <SendOutlined />}
          loading={busy && main === 'start'}
          onClick={() => begin(main)}
          data-testid={main === 'start' ? 'm-crew-start' : 'm-crew-feedback'}
        >
          {main === 'start' ? '签收' : '处置反馈'}
        </Button>
      )}
    </div>
  );
}

function FieldError({ text }: { text?: string }) {
  return text ? <div className="cgm-field-error">{text}</div> : null;
}

/** The sheet of 处置反馈 (situation and after-photos), 申请延期 (how long, why) or 退回 (why). */
export function CrewSheet({ crew, online }: { crew: CrewStepsState; online: boolean }) {
  const { step, close, errors } = crew;
  return (
    <Drawer
      open={step !== null && step !== 'start'}
      onClose={close}
      placement="bottom"
      height="auto"
      title={step && step !== 'start' ? TITLES[step] : ''}
      className="cgm-sheet"
      data-testid="m-crew-sheet"
    >
      <div className="cgm-verify">
        {step === 'feedback' && (
          <>
            <div className="cgm-label">
              处置情况 <span className="cgm-req">*</span>
            </div>
            <Input.TextArea
              value={crew.comment}
              onChange={(e) => crew.setComment(e.target.value)}
              autoSize={{ minRows: 2, maxRows: 5 }}
              maxLength={2000}
              placeholder="如：已组织人员清运，现场已清理干净"
              status={errors.comment ? 'error' : undefined}
              data-testid="m-crew-comment"
            />
            <FieldError text={errors.comment} />
            <div className="cgm-label">
              处置后照片 <span className="cgm-req">*</span>
            </div>
            <PhotoPicker photos={crew.photos} onChange={crew.setPhotos} testId="m-crew-photos" max={9} />
            <FieldError text={errors.photos} />
          </>
        )}
        {step === 'request_extension' && (
          <>
            <div className="cgm-label">
              延期时长 <span className="cgm-req">*</span>
            </div>
            <div className="cgm-extra-row">
              <InputNumber
                min={1}
                max={crew.extra.unit === 'days' ? 365 : 8760}
                precision={0}
                value={crew.extra.value}
                onChange={(v) => crew.setExtra({ ...crew.extra, value: Number(v ?? 0) })}
                data-testid="m-crew-extra"
              />
              <Segmented
                value={crew.extra.unit}
                onChange={(u) => crew.setExtra({ ...crew.extra, unit: u as 'hours' | 'days' })}
                options={[
                  { value: 'days', label: '个工作日' },
                  { value: 'hours', label: '工作小时' },
                ]}
              />
            </div>
            <FieldError text={errors.extra} />
          </>
        )}
        {(step === 'request_extension' || step === 'return') && (
          <>
            <div className="cgm-label">
              {step === 'return' ? '退回原因' : '延期原因'} <span className="cgm-req">*</span>
            </div>
            <Input.TextArea
              value={crew.reason}
              onChange={(e) => crew.setReason(e.target.value)}
              autoSize={{ minRows: 2, maxRows: 5 }}
              maxLength={2000}
              placeholder={
                step === 'return' ? '如：不属于本单位职责，应由供电公司处置' : '如：需协调产权单位，材料未到'
              }
              status={errors.reason ? 'error' : undefined}
              data-testid="m-crew-reason"
            />
            <FieldError text={errors.reason} />
          </>
        )}
        <Button
          type="primary"
          danger={step === 'return'}
          block
          size="large"
          loading={crew.busy}
          onClick={() => void crew.submit()}
          data-testid="m-crew-submit"
          className="cgm-block"
        >
          {online ? '确认提交' : '保存，联网后发送'}
        </Button>
      </div>
    </Drawer>
  );
}
