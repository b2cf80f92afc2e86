// How main pushes an event to the window (the Electron window, or browser mode's event stream). Its own leaf
// module because the composition root (create-app.ts) and the handlers it composes both need it: kept in
// create-app.ts, handlers.ts and import-handler.ts imported the module that imports them.
import type { z } from 'zod';
import type { PushEvent, PushEvents } from '../../shared/ipc/contract';

export type Push = <E extends PushEvent>(event: E, payload: z.infer<(typeof PushEvents)[E]>) => void;
