// The playground's Web Worker: training off the page's UI thread.
import { TrainingLoop } from './playground/loop';
import type { WorkerRequest } from './shared/protocol';

const scope = self as unknown as { postMessage(message: unknown): void; onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null };
const loop = new TrainingLoop((message) => scope.postMessage(message));
scope.onmessage = (event) => loop.handle(event.data);
