import { Alert, App, Modal, Typography } from 'antd';
import { XlsxButton } from '../../../components/XlsxButton';
import { useXlsxImport, XlsxDropZone } from '../../../components/XlsxImport';
import { useInvalidate } from '../../../lib/query';
import { populationApi, type HouseholdImportResult } from '../api';
import { POP } from '../use-population';

/** 从 Excel 导入: residents with their household address; all rows or none, errors by row and column. */
export function ImportModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { message } = App.useApp();
  const invalidate = useInvalidate();
  const state = useXlsxImport(populationApi.importHouseholds, async (r: HouseholdImportResult) => {
    message.success(`已导入 ${r.residents} 人`);
    await invalidate([POP]);
  });
  const result = state.result;

  const close = () => {
    state.reset();
    onClose();
  };

  return (
    <Modal open={open} title="从 Excel 导入户和居民" footer={null} onCancel={close} width={720} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        每行一位居民：网格、楼栋、门牌、姓名、身份证号、电话、与户主关系、人口类型、标签、备注。同一门牌的居民归为一户；身份证号已登记的人员自动合并，姓名不一致的提交合并审核。任何一行有错则全部不导入。
      </Typography.Paragraph>
      <XlsxButton href={populationApi.importTemplateUrl} style={{ marginBottom: 12 }} data-testid="pop-import-template">
        下载导入模板
      </XlsxButton>
      <XlsxDropZone state={state} testId="pop-import" failurePrefix="导入失败，未导入任何数据" />
      {result && (
        <Alert
          style={{ marginTop: 16 }}
          type="success"
          showIcon
          data-testid="pop-import-result"
          message={`导入完成：${result.households} 户，${result.residents} 人`}
          description={`其中 ${result.merged} 人按身份证号合并到已有人员，${result.reviews} 人因姓名不一致提交合并审核。`}
        />
      )}
    </Modal>
  );
}
