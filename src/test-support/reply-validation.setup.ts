import { setReplyValidation } from '../kernel/http/route.js';

// Every JSON reply in the tests is parsed against its route's declared schema, so the schemas the
// OpenAPI document and the console rely on cannot drift from what the presenters return.
setReplyValidation(true);
