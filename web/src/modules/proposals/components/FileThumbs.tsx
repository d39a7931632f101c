import { Image, Space } from 'antd';
import type { FileRef } from '../api';

/** Evidence thumbnails; a click opens the full image. */
export function FileThumbs({ files, size = 72 }: { files: FileRef[]; size?: number }) {
  if (!files.length) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap size={6}>
        {files.map((f) => (
          <Image
            key={f.fileId}
            src={f.thumbnailUrl}
            preview={{ src: f.url }}
            width={size}
            height={size}
            style={{ objectFit: 'cover', borderRadius: 4 }}
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
