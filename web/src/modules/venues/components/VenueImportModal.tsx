import { Alert, App, Modal, Typography } from 'antd';
import { XlsxButton } from '../../../components/XlsxButton';
import { useXlsxImport, XlsxDropZone } from '../../../components/XlsxImport';
import { useInvalidate } from '../../../lib/query';
import { venuesApi, type VenuesImported } from '../api';

/** 从 Excel 导入: the 场所台账, all rows or none, errors by row and column. */
export function VenueImportModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const state = useXlsxImport(venuesApi.importSheet, async (r: VenuesImported) => {
    message.success(`已导入 ${r.created} 个场所`);
    await invalidate(['venues']);
  });
  const close = () => {
    state.reset();
    onClose();
  };
  return (
    <Modal open={open} title="从 Excel 导入场所" footer={null} onCancel={close} width={720} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        每行一个场所：场所名称、场所类型、网格（小网格名称）或经纬度、地址、负责人、联系电话。同一网格内名称和地址都相同的场所视为已登记，不会重复导入；任何一行有错则全部不导入。
      </Typography.Paragraph>
      <XlsxButton href={venuesApi.importTemplateUrl} style={{ marginBottom: 12 }} data-testid="venue-import-template">
        下载导入模板
      </XlsxButton>
      <XlsxDropZone state={state} testId="venue-import" failurePrefix="导入失败，未导入任何场所" />
      {state.result && (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          data-testid="venue-import-result"
          message={`导入完成：新登记 ${state.result.created} 个场所`}
          description={state.result.unchanged ? `${state.result.unchanged} 个已登记过，未重复导入。` : undefined}
        />
      )}
    </Modal>
  );
}
