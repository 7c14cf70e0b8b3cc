// A progress bar for long writes, drawn on stderr only when it is a terminal; elsewhere (logs, CI)
// it draws nothing and the command's summary line says what happened.
const WIDTH = 30;

export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

export function progressBar(write: (text: string) => void, isTTY: boolean, label: string): Progress {
  if (!isTTY) return { update: () => undefined, done: () => undefined };
  let drawn = false;
  return {
    update(done, total) {
      const ratio = total === 0 ? 1 : done / total;
      const filled = Math.round(ratio * WIDTH);
      write(`\r${label} [${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${done}/${total}`);
      drawn = true;
    },
    done() {
      if (drawn) write("\n");
    },
  };
}
