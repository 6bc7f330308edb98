import cliProgress from 'cli-progress';

export interface ProgressUpdate {
  readonly done: number;
  readonly total: number;
  /** Extra figures shown after the bar, e.g. { loss: 2.31 }. */
  readonly fields?: Readonly<Record<string, number | string>>;
}

/**
 * A progress bar on stderr with rate and ETA (cli-progress). Quiet when stderr is not a terminal, except for
 * a plain line every `plainEverySeconds`, so logs of long jobs still show they are alive.
 */
export class Progress {
  private readonly bar: cliProgress.SingleBar | null;
  private lastPlain = 0;
  private started = Date.now();
  /** Units already done when this process started (a resumed run): the rate and ETA count only new ones. */
  private from = 0;

  constructor(private readonly label: string, private readonly unit: string, private readonly plainEverySeconds = 10) {
    this.bar = process.stderr.isTTY
      ? new cliProgress.SingleBar({
        stream: process.stderr,
        format: `${label} [{bar}] {percentage}% {value}/{total} ${unit} | {rate} ${unit}/s | ETA {eta_formatted} {extra}`,
        hideCursor: true,
        clearOnComplete: false,
      }, cliProgress.Presets.shades_classic)
      : null;
  }

  start(total: number, from = 0): void {
    this.from = from;
    this.started = Date.now();
    this.lastPlain = 0;
    this.bar?.start(total, from, { rate: '0', extra: '' });
  }

  update(u: ProgressUpdate): void {
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? (u.done - this.from) / seconds : 0;
    const extra = Object.entries(u.fields ?? {})
      .map(([k, v]) => `${k} ${typeof v === 'number' ? formatNumber(v) : v}`).join(' ');
    if (this.bar !== null) {
      this.bar.setTotal(u.total);
      this.bar.update(u.done, { rate: formatNumber(rate), extra });
      return;
    }
    if (seconds - this.lastPlain >= this.plainEverySeconds || u.done >= u.total) {
      this.lastPlain = seconds;
      const eta = rate > 0 ? (u.total - u.done) / rate : 0;
      process.stderr.write(`${this.label}: ${u.done}/${u.total} ${this.unit}, ${formatNumber(rate)} ${this.unit}/s, ETA ${Math.round(eta)}s ${extra}\n`);
    }
  }

  stop(): void {
    this.bar?.stop();
  }
}

function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 100) return v.toFixed(0);
  if (a >= 1) return v.toFixed(2);
  return v.toPrecision(3);
}
