// The training loop behind the playground, the same in the Web Worker and
// in the page's fallback: configure, play in slices of a few milliseconds
// (so pause, step and new settings are read between slices), and a snapshot
// after each slice for the page to draw.
import { documentGradients } from '../../core/check';
import type { NetworkConfig } from '../../core/engine';
import type { DerivationClaimInfo, WorkerMessage, WorkerRequest } from '../shared/protocol';
import { Trainer } from './training';

/** Milliseconds of training between two looks at the message queue while playing. */
const SLICE_MS = 12;
/** Snapshots while playing: about 30 a second, as many as the page draws. */
const SNAPSHOT_MS = 33;

export class TrainingLoop {
  private trainer: Trainer | undefined;
  private claims: DerivationClaimInfo[] | undefined;
  private playing = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private rate = 0;
  private published = 0;
  /** What the last snapshot cost: snapshots take at most a fifth of the worker's time. */
  private snapshotMs = 0;

  constructor(private readonly send: (message: WorkerMessage) => void) {}

  handle(request: WorkerRequest): void {
    try {
      switch (request.type) {
        case 'configure': {
          const net = request.settings.network as NetworkConfig;
          const derivation = request.derivation ? documentGradients(request.derivation.text, request.derivation.language, { network: net }) : undefined;
          this.claims = derivation?.claims.map((c) => ({ kind: c.kind, layer: c.layer, line: c.line, latex: c.latex }));
          this.trainer = new Trainer(request.settings, net, { derivation });
          this.rate = 0;
          this.publish();
          break;
        }
        case 'play':
          this.playing = true;
          this.schedule();
          break;
        case 'pause':
          this.playing = false;
          this.publish();
          break;
        case 'step':
          this.trainer?.train(Math.max(1, Math.min(10_000, Math.floor(request.steps))));
          this.publish();
          break;
      }
    } catch (error) {
      this.playing = false;
      this.send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  }

  private schedule(): void {
    if (this.timer === undefined) this.timer = setTimeout(() => this.slice(), 0);
  }

  private slice(): void {
    this.timer = undefined;
    const trainer = this.trainer;
    if (!this.playing || !trainer) return;
    const start = performance.now();
    const before = trainer.step;
    try {
      // Train in small bursts until the slice is used up: a derivation run is slower, so bursts stay small.
      const burst = trainer.derivation ? 1 : 10;
      while (performance.now() - start < SLICE_MS) trainer.train(burst);
    } catch (error) {
      this.playing = false;
      this.send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    const seconds = (performance.now() - start) / 1000;
    this.rate = (trainer.step - before) / Math.max(seconds, 1e-6);
    if (performance.now() - this.published >= Math.max(SNAPSHOT_MS, 4 * this.snapshotMs)) this.publish();
    this.schedule();
  }

  private publish(): void {
    if (!this.trainer) return;
    const start = performance.now();
    const snapshot = this.trainer.snapshot();
    this.published = performance.now();
    this.snapshotMs = this.published - start;
    this.send({ type: 'snapshot', snapshot, playing: this.playing, stepsPerSecond: this.rate, derivationClaims: this.claims });
  }
}
