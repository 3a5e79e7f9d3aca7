import { MultiBar, type SingleBar } from "cli-progress";
import type { BuildStage } from "../build/index.js";

/** Where build progress goes: notes as lines, counted stages as a bar (terminal) or periodic lines. */
export interface ProgressReporter {
  note(msg: string): void;
  step(stage: BuildStage, done: number, total: number): void;
  /** Ends any bar still drawn (call before printing anything else). */
  finish(): void;
}

const STAGE_LABEL: Record<BuildStage, string> = {
  parse: "解析 parse",
  embed: "嵌入 embed",
};

function seconds(s: number): string {
  if (!Number.isFinite(s) || s < 0) return "?";
  return s >= 90 ? `${Math.floor(s / 60)} min ${Math.round(s % 60)} s` : `${Math.round(s)} s`;
}

interface StageClock {
  readonly stage: BuildStage;
  readonly started: number;
  readonly total: number;
  lastPrinted: number;
}

/**
 * A reporter on `stream`: on a terminal a cli-progress bar per stage (count, rate, ETA); otherwise
 * plain lines, one per 10 % of a stage, each with count, rate and ETA.
 */
export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr, opts: { tty?: boolean } = {}): ProgressReporter {
  const tty = opts.tty ?? stream.isTTY === true;
  let multi: MultiBar | null = null;
  let bar: SingleBar | null = null;
  let clock: StageClock | null = null;

  const line = (s: string): void => {
    if (multi) {
      // Above the bar; rendered now, not at the next tick (which a stop would skip).
      multi.log(`${s}\n`);
      multi.update();
    } else stream.write(`${s}\n`);
  };
  const endBar = (): void => {
    if (multi) multi.stop();
    multi = null;
    bar = null;
  };
  const rateOf = (c: StageClock, done: number): number => done / Math.max((Date.now() - c.started) / 1000, 1e-3);

  return {
    note: line,
    step(stage, done, total) {
      if (clock === null || clock.stage !== stage || clock.total !== total) {
        endBar();
        clock = { stage, started: Date.now(), total, lastPrinted: -1 };
        if (tty && total > 0) {
          multi = new MultiBar({
            stream,
            format: `${STAGE_LABEL[stage]} [{bar}] {value}/{total} · {rate}/s · ETA {etaText}`,
            barsize: 30,
            hideCursor: true,
            clearOnComplete: false,
            fps: 5,
          });
          bar = multi.create(total, done, { rate: "0.0", etaText: "?" });
        }
      }
      const c = clock;
      const rate = rateOf(c, done);
      const etaText = done >= total ? "0 s" : done === 0 ? "?" : seconds((total - done) / rate);
      if (bar) {
        bar.update(done, { rate: rate.toFixed(1), etaText });
        if (done >= total) endBar();
        return;
      }
      // Plain lines: the start, every 10 %, and the end.
      const pct = total === 0 ? 100 : Math.floor((100 * done) / total);
      if (c.lastPrinted >= 0 && pct < c.lastPrinted + 10 && done < total) return;
      c.lastPrinted = pct;
      const eta = done >= total ? "" : ` · ETA ${etaText}`;
      line(`  ${STAGE_LABEL[stage]} ${done}/${total} (${pct}%) · ${rate.toFixed(1)}/s${eta}`);
    },
    finish: endBar,
  };
}
