// The page's side of the protocol: the VS Code API acquired once, typed
// posting, host messages, and state that survives hide/show and reloads.
import type { HostMessage, PageMessage } from './protocol';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api: VsCodeApi = acquireVsCodeApi();

export function post(message: PageMessage): void {
  api.postMessage(message);
}

export function onHostMessage(handle: (message: HostMessage) => void): void {
  window.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as HostMessage | undefined;
    if (data && typeof data === 'object' && typeof data.type === 'string') handle(data);
  });
}

/** The saved state, merged over defaults so a state from an older page version still loads. */
export function loadState<T extends object>(defaults: T): T {
  const saved = api.getState();
  return saved && typeof saved === 'object' ? { ...defaults, ...(saved as Partial<T>) } : { ...defaults };
}

export function saveState<T extends object>(state: T): void {
  api.setState(state);
}
