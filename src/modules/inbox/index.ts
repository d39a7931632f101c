import type { Module } from '../module.js';
import { registerInbox } from './http/inbox.routes.js';
import { inboxWorkItems } from './commands/work-items.js';

export { notify, type Notice } from './commands/notify.js';

/** In-app messages (站内消息): other modules `notify` inside their transactions; accounts read here. */
export const inboxModule: Module = {
  name: 'inbox',
  routes: (app, ctx) => registerInbox(app, ctx),
  workItems: () => inboxWorkItems(),
};
