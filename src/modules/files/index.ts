export { attachFiles, registerFiles, type FilesDeps } from './files.routes.js';
