// The one progress bar of the CLI, for long writes: drawn on stderr only when it is a terminal (stdout
// keeps the command's result); elsewhere (logs, CI) it draws nothing and the summary line says what happened.
const WIDTH = 30;

export interface Progress {
  /** Redraws the bar; `detail` (a rate, say) follows the counts. */
  update(done: number, total: number, detail?: string): void;
  done(): void;
}

export function progressBar(write: (text: string) => void, isTTY: boolean, label: string): Progress {
  if (!isTTY) return { update: () => undefined, done: () => undefined };
  let drawn = false;
  let lastLength = 0;
  return {
    update(done, total, detail) {
      const ratio = total === 0 ? 1 : done / total;
      const filled = Math.round(ratio * WIDTH);
      const line = `${label} [${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${done}/${total}${detail ? ` ${detail}` : ""}`;
      // Blanks over the end of a longer line drawn before, so no stale characters stay behind.
      write(`\r${line.padEnd(lastLength)}`);
      lastLength = line.length;
      drawn = true;
    },
    done() {
      if (drawn) write("\n");
    },
  };
}
