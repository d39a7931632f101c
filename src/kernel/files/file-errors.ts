import { Invalid } from '../errors.js';

export type FileErrorCode = 'file.unsupported_type' | 'file.too_large' | 'file.corrupt' | 'file.too_many_pixels';

/** Every refusal names the field `file`, so a form can show the message next to the upload. */
export function fileError(code: FileErrorCode, message: string, detail = message): Invalid {
  return new Invalid(code, message, [{ field: 'file', message: detail }]);
}
