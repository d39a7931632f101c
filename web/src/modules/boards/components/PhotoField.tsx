import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Image, Space, Upload } from 'antd';
import { useState } from 'react';
import { errorText } from '../../../lib/api';
import { photoUrls, uploadPhoto } from '../../venues/api';

/** One photo: upload (POST /api/v1/files) and show it; the value is the file id. */
export function PhotoField({ value, onChange }: { value?: string | null; onChange?(id: string | null): void }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Space align="start">
      {value && (
        <Image
          src={photoUrls(value).thumb}
          preview={{ src: photoUrls(value).full }}
          width={72}
          height={72}
          style={{ objectFit: 'cover', borderRadius: 4 }}
          alt="宣传阵地照片"
        />
      )}
      <Upload
        accept="image/*"
        showUploadList={false}
        beforeUpload={async (f) => {
          setBusy(true);
          try {
            onChange?.((await uploadPhoto(f, f.name)).id);
          } catch (e) {
            message.error(errorText(e));
          } finally {
            setBusy(false);
          }
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy} data-testid="board-photo-upload">
          {value ? '换一张' : '上传照片'}
        </Button>
      </Upload>
      {value && (
        <Button type="link" onClick={() => onChange?.(null)}>
          移除
        </Button>
      )}
    </Space>
  );
}
