import { Image, Space } from 'antd';
import { photoUrls } from '../api';

/** An inspection's photos; a click opens the full image. */
export function PhotoThumbs({ ids, size = 64 }: { ids: string[]; size?: number }) {
  if (!ids.length) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap size={6}>
        {ids.map((id) => (
          <Image
            key={id}
            src={photoUrls(id).thumb}
            preview={{ src: photoUrls(id).full }}
            width={size}
            height={size}
            style={{ objectFit: 'cover', borderRadius: 4 }}
            alt="检查照片"
          />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
