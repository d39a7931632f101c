import { CameraOutlined, CloseOutlined, FileImageOutlined, PictureOutlined } from '@ant-design/icons';
import { App, Image } from 'antd';
import { useRef, useState } from 'react';
import { sizeText } from '../labels';
import { newId, storedToBlob, type StoredPhoto } from '../lib/outbox';

/** A photo on the form: just taken (blob) or back from the outbox (stored, maybe uploaded already). */
export interface LocalPhoto {
  key: string;
  name: string;
  type: string;
  size: number;
  blob: Blob;
  url: string;
  stored?: StoredPhoto;
}

const MAX_BYTES = 15 * 1024 * 1024;
const ACCEPTED = /^image\/(jpeg|png|heic|heif)$/i;
const ACCEPTED_NAME = /\.(jpe?g|png|heic|heif)$/i;

export function photoFromFile(file: File): LocalPhoto {
  return {
    key: newId(),
    name: file.name || 'photo.jpg',
    type: file.type,
    size: file.size,
    blob: file,
    url: URL.createObjectURL(file),
  };
}

export function photoFromStored(p: StoredPhoto): LocalPhoto {
  const blob = storedToBlob(p);
  return { key: p.key, name: p.name, type: p.type, size: p.size, blob, url: URL.createObjectURL(blob), stored: p };
}

export function releasePhotos(photos: LocalPhoto[]): void {
  for (const p of photos) URL.revokeObjectURL(p.url);
}

interface Props {
  photos: LocalPhoto[];
  onChange(photos: LocalPhoto[]): void;
  /** data-testid of the block; the camera input gets `${testId}-input`. */
  testId: string;
  max?: number;
  disabled?: boolean;
}

function Thumb({ photo, onRemove, disabled }: { photo: LocalPhoto; onRemove(): void; disabled?: boolean }) {
  const [broken, setBroken] = useState(false);
  return (
    <div className="cgm-photo" data-testid="m-photo-thumb">
      {broken ? (
        // HEIC and the like: the phone's browser may not draw it, the server converts it.
        <div className="cgm-photo-noimg">
          <FileImageOutlined />
          <span>{photo.name.slice(-12)}</span>
        </div>
      ) : (
        <Image src={photo.url} alt={photo.name} onError={() => setBroken(true)} preview={{ mask: false }} />
      )}
      <span className="cgm-photo-size">{sizeText(photo.size)}</span>
      {!disabled && (
        <button
          type="button"
          className="cgm-photo-remove"
          aria-label="删除照片"
          onClick={onRemove}
          data-testid="m-photo-remove"
        >
          <CloseOutlined />
        </button>
      )}
    </div>
  );
}

/**
 * Photos from the camera (`capture="environment"`) or the album, shown as thumbnails.
 * Photos are sent as taken (not re-encoded), so their EXIF position stays for the server.
 */
export function PhotoPicker({ photos, onChange, testId, max = 9, disabled }: Props) {
  const { message } = App.useApp();
  const latest = useRef(photos);
  latest.current = photos;

  const add = (list: FileList | null) => {
    if (!list?.length) return;
    const next = [...latest.current];
    for (const f of Array.from(list)) {
      if (next.length >= max) {
        message.warning(`最多 ${max} 张照片`);
        break;
      }
      if (!ACCEPTED.test(f.type) && !ACCEPTED_NAME.test(f.name)) {
        message.error(`${f.name}：只能上传 JPEG、PNG 或 HEIC 照片`);
        continue;
      }
      if (f.size > MAX_BYTES) {
        message.error(`${f.name}：照片超过 15 MB（${sizeText(f.size)}）`);
        continue;
      }
      next.push(photoFromFile(f));
    }
    onChange(next);
  };

  const remove = (key: string) => {
    const p = latest.current.find((x) => x.key === key);
    if (p) URL.revokeObjectURL(p.url);
    onChange(latest.current.filter((x) => x.key !== key));
  };

  const full = photos.length >= max;
  return (
    <div className="cgm-photos" data-testid={testId} data-count={photos.length}>
      {photos.map((p) => (
        <Thumb key={p.key} photo={p} disabled={disabled} onRemove={() => remove(p.key)} />
      ))}
      {!disabled && !full && (
        <>
          <label className="cgm-photo-add cgm-photo-add-camera">
            <CameraOutlined />
            <span>拍照</span>
            <input
              type="file"
              accept="image/*"
              capture="environment"
              data-testid={`${testId}-input`}
              onChange={(e) => {
                add(e.target.files);
                e.target.value = '';
              }}
            />
          </label>
          <label className="cgm-photo-add">
            <PictureOutlined />
            <span>相册</span>
            <input
              type="file"
              accept="image/*"
              multiple
              data-testid={`${testId}-album`}
              onChange={(e) => {
                add(e.target.files);
                e.target.value = '';
              }}
            />
          </label>
        </>
      )}
    </div>
  );
}
