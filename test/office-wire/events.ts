/**
 * Excel events (worksheets.onChanged) as Office's runtime serves them to the Excel library. The library registers
 * for Office's RichApiMessage event through OSF.DDA.RichApi.richApiMessageManager and the host facade
 * (OSF._OfficeAppFactory.getHostFacade()), both set up by Office's runtime at start
 * (InitializationHelper.loadAppSpecificScriptAndCreateOM / prepareApiSurface: the library's own DispIdHost.Facade
 * over the platform's delegate methods; office.js also sets Office.Promise). This does the runtime's part the same
 * way, with delegate methods of ours in the platform's place (registerEventAsync / unregisterEventAsync), and
 * returns how to deliver the host's event messages as Office delivers them: {ArrayData: [[65536, eventType,
 * targetId, json, id, false]]}, asynchronously. Nothing of the library is patched or wrapped.
 */
import type { WireEvent } from './host';

interface Runtime {
  OfficeExt: { RichApiMessageManager: new () => unknown };
  Office: Record<string, unknown>;
  OSF: {
    _OfficeAppFactory?: unknown;
    DDA: {
      RichApi: Record<string, unknown>;
      DispIdHost: { Facade: new (delegates: () => unknown, parameterMap: unknown) => unknown };
      WAC: { Delegate: { ParameterMap: unknown } };
      EventDispId: { dispidRichApiMessageEvent: number };
    };
  };
}
interface EventArgs {
  dispId: number;
  onComplete(status: number): void;
  onEvent(hostArgs: unknown): void;
}

/** Call after the library has run and OSF._OfficeAppFactory is set, in the library's global scope `g`. */
export function serveEvents(g: object): (events: readonly WireEvent[]) => void {
  const { OSF, OfficeExt, Office } = g as Runtime;
  const listeners = new Map<number, (hostArgs: unknown) => void>();
  const delegates = {
    registerEventAsync: (args: EventArgs) => {
      listeners.set(args.dispId, args.onEvent);
      setTimeout(() => args.onComplete(0), 0); // 0: ooeSuccess
    },
    unregisterEventAsync: (args: EventArgs) => {
      listeners.delete(args.dispId);
      setTimeout(() => args.onComplete(0), 0);
    },
  };
  const facade = new OSF.DDA.DispIdHost.Facade(() => delegates, OSF.DDA.WAC.Delegate.ParameterMap);
  (OSF._OfficeAppFactory as Record<string, unknown>).getHostFacade = () => facade;
  Office.Promise ??= Promise;
  OSF.DDA.RichApi.richApiMessageManager = new OfficeExt.RichApiMessageManager();
  let messageId = 0;
  return (events) => {
    if (events.length === 0) return;
    const entries = events.map((e) => [65536, e.eventType, e.targetId, JSON.stringify(e.payload), String(++messageId), false]);
    setTimeout(() => listeners.get(OSF.DDA.EventDispId.dispidRichApiMessageEvent)?.({ ArrayData: entries }), 0);
  };
}
