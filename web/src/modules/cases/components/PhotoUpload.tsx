import { PlusOutlined } from '@ant-design/icons';
import { App, Image, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { errorText } from '../../../lib/api';
import { MAX_PHOTO_BYTES, PHOTO_EXTENSIONS, PHOTO_TYPES, uploadFile, type UploadedFile } from '../api';

interface Props {
  value?: UploadedFile[];
  onChange?: (files: UploadedFile[]) => void;
  /** Called once per finished upload (e.g. to use its GPS position). */
  onUploaded?: (file: UploadedFile) => void;
  max?: number;
  label?: string;
  'data-testid'?: string;
}

/** JPEG/PNG photos up to 15 MB, uploaded at once to POST /api/v1/files; the value is the uploaded files. */
export function PhotoUpload({ value, onChange, onUploaded, max = 9, label = '上传照片', ...rest }: Props) {
  const { message } = App.useApp();
  const [fileList, setFileList] = useState<UploadFile<UploadedFile>[]>([]);
  const [preview, setPreview] = useState<string | null>(null);
  const listRef = useRef(fileList);
  listRef.current = fileList;

  // A form reset clears the value: clear the list too.
  useEffect(() => {
    if ((value?.length ?? 0) === 0 && listRef.current.some((f) => f.status === 'done')) setFileList([]);
  }, [value]);

  const publish = (list: UploadFile<UploadedFile>[]) => {
    setFileList(list);
    onChange?.(list.filter((f) => f.status === 'done' && f.response).map((f) => f.response as UploadedFile));
  };

  return (
    <div data-testid={rest['data-testid']}>
      <Upload<UploadedFile>
        listType="picture-card"
        accept=".jpg,.jpeg,.png,.heic,.heif,image/jpeg,image/png,image/heic,image/heif"
        multiple
        fileList={fileList}
        beforeUpload={(file) => {
          if (!PHOTO_TYPES.includes(file.type) && !PHOTO_EXTENSIONS.test(file.name)) {
            message.error(`「${file.name}」不是 JPEG、PNG 或 HEIC 照片`);
            return Upload.LIST_IGNORE;
          }
          if (file.size > MAX_PHOTO_BYTES) {
            message.error(`「${file.name}」超过 15 MB`);
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={({ file, onProgress, onSuccess, onError }) => {
          const f = file as File;
          uploadFile(f, f.name, (percent) => onProgress?.({ percent }))
            .then((r) => onSuccess?.(r))
            .catch((e) => {
              message.error(`「${f.name}」上传失败：${errorText(e)}`);
              onError?.(e as Error);
            });
        }}
        onChange={({ file, fileList: list }) => {
          const next = list
            .filter((f) => f.status !== 'error')
            .map((f) =>
              f.status === 'done' && f.response ? { ...f, url: f.response.url, thumbUrl: f.response.thumbnailUrl } : f,
            );
          publish(next);
          if (file.status === 'done' && file.response) onUploaded?.(file.response);
        }}
        onPreview={(f) => setPreview(f.response?.url ?? f.url ?? f.thumbUrl ?? null)}
      >
        {fileList.length >= max ? null : (
          <div>
            <PlusOutlined />
            <div style={{ marginTop: 6, fontSize: 12 }}>{label}</div>
          </div>
        )}
      </Upload>
      {preview && (
        <Image
          style={{ display: 'none' }}
          src={preview}
          preview={{ visible: true, src: preview, onVisibleChange: (v) => !v && setPreview(null) }}
        />
      )}
    </div>
  );
}
