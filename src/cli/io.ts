export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  isTTY: boolean;
  /** stderr is a terminal: progress indicators go there, never into redirected logs. */
  stderrIsTTY?: boolean;
}

export const processIo: Io = {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
};

/** A subcommand registers itself on the program and reports its exit code through `exit`. */
export interface CommandContext {
  io: Io;
  exit: (code: number) => void;
}
