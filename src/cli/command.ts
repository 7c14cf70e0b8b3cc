// How a `kg` command is declared: its name, positionals and options in one object, read by one
// parser (node:util parseArgs), so every command takes `--flag value` and `--flag=value` alike and
// answers `--help` from the same declaration it parses by.
import { parseArgs } from "node:util";
import type { Config } from "../config.js";

export interface Io {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
  /** Whether stderr is a terminal (progress bars go there). */
  errIsTTY?: boolean;
}

/** A bad argument or setting: said in one line, exit code 1, no stack. */
export class UsageError extends Error {}

interface StringOption {
  type: "string";
  /** The value's name in the usage line (`--format <format>`), or its choices when it has them. */
  value: string;
  description: string;
  /** The allowed values; anything else is refused, naming them. */
  choices?: readonly string[];
  required?: boolean;
}

interface BooleanOption {
  type: "boolean";
  description: string;
}

type OptionSpec = StringOption | BooleanOption;

interface PositionalSpec {
  name: string;
  description: string;
  optional?: boolean;
}

type OptionValues<O extends Record<string, OptionSpec>> = {
  [K in keyof O]: O[K] extends BooleanOption ? boolean : O[K] extends { required: true } ? string : string | undefined;
};

/** What a command's `run` gets: positionals checked against the declared count, options by name. */
export interface Arguments<O extends Record<string, OptionSpec>> {
  positionals: string[];
  options: OptionValues<O>;
  /** The command's usage line, for the messages of the checks the command makes itself. */
  usage: string;
}

export interface CommandSpec<O extends Record<string, OptionSpec>> {
  name: string;
  /** One line, shown in `kg --help`. */
  summary: string;
  positionals?: readonly PositionalSpec[];
  options?: O;
  /** More to say in `kg <name> --help`, after the options. */
  details?: string;
  run(args: Arguments<O>, config: Config, io: Io): Promise<void>;
}

export interface Command {
  name: string;
  summary: string;
  /** `npm run kg -- <name> <positionals> [options]`. */
  usage: string;
  help(): string;
  /** Parses `argv` (the words after the command's name) and runs it; `--help` prints the help instead. */
  run(argv: string[], config: Config, io: Io): Promise<void>;
}

function usageOf(spec: CommandSpec<Record<string, OptionSpec>>): string {
  const positionals = (spec.positionals ?? []).map((p) => (p.optional ? `[<${p.name}>]` : `<${p.name}>`));
  const options = Object.entries(spec.options ?? {}).map(([name, o]) => {
    if (o.type === "boolean") return `[--${name}]`;
    const flag = `--${name} ${o.choices ? o.choices.join("|") : `<${o.value}>`}`;
    return o.required ? flag : `[${flag}]`;
  });
  return ["usage: npm run kg --", spec.name, ...positionals, ...options].join(" ");
}

function helpOf(spec: CommandSpec<Record<string, OptionSpec>>, usage: string): string {
  const rows: Array<[string, string]> = [
    ...(spec.positionals ?? []).map((p): [string, string] => [`<${p.name}>`, p.description]),
    ...Object.entries(spec.options ?? {}).map(([name, o]): [string, string] => [o.type === "boolean" ? `--${name}` : `--${name} <${o.value}>`, o.description]),
    ["-h, --help", "print this help"],
  ];
  const width = Math.max(...rows.map(([left]) => left.length));
  const lines = [usage, "", spec.summary, "", ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`)];
  if (spec.details) lines.push("", spec.details);
  lines.push("", "Options take their value as `--flag value` or `--flag=value`.");
  return `${lines.join("\n")}\n`;
}

/** parseArgs' own messages, in this CLI's words (one line, then the usage); the benchmark scripts' too. */
export function usageError(error: unknown, usage: string): never {
  const code = (error as { code?: string }).code;
  const message = (error as Error).message;
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw new UsageError(`unknown option ${/'[^']*'/.exec(message)?.[0] ?? message}\n${usage}`);
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const option = /'(--[^ ']+)/.exec(message)?.[1];
    throw new UsageError(`${option ?? "an option"} needs a value (an option's value that starts with '-' goes as ${option ?? "--flag"}=<value>)\n${usage}`);
  }
  if (code?.startsWith("ERR_PARSE_ARGS")) throw new UsageError(`${message}\n${usage}`);
  throw error;
}

export function defineCommand<O extends Record<string, OptionSpec> = Record<never, OptionSpec>>(spec: CommandSpec<O>): Command {
  const general = spec as unknown as CommandSpec<Record<string, OptionSpec>>;
  const usage = usageOf(general);
  const declared = spec.positionals ?? [];
  const required = declared.filter((p) => !p.optional).length;
  const parserOptions = Object.fromEntries(Object.entries(general.options ?? {}).map(([name, o]) => [name, { type: o.type }]));
  return {
    name: spec.name,
    summary: spec.summary,
    usage,
    help: () => helpOf(general, usage),
    async run(argv, config, io) {
      let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
      try {
        parsed = parseArgs({ args: argv, options: { ...parserOptions, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
      } catch (error) {
        usageError(error, usage);
      }
      if (parsed.values.help) {
        io.out(helpOf(general, usage));
        return;
      }
      const { positionals, values } = parsed;
      if (positionals.length > declared.length) throw new UsageError(`unexpected argument '${positionals[declared.length]}'\n${usage}`);
      if (positionals.length < required) throw new UsageError(`<${declared[positionals.length].name}> is missing\n${usage}`);
      for (const [name, o] of Object.entries(general.options ?? {})) {
        const value = values[name];
        if (o.type === "string" && o.required && value === undefined) throw new UsageError(`--${name} is required\n${usage}`);
        if (o.type === "string" && o.choices && typeof value === "string" && !o.choices.includes(value)) {
          throw new UsageError(`--${name} must be one of ${o.choices.join(", ")}, got '${value}'`);
        }
      }
      delete values.help;
      await spec.run({ positionals, options: values as OptionValues<O>, usage }, config, io);
    },
  };
}

/** An integer option's value, undefined when it was not given; anything else is refused in one line. */
export function integerOption(name: string, raw: string | undefined, range: { min: number; max?: number }, usage: string): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isInteger(value) || value < range.min || (range.max !== undefined && value > range.max)) {
    const bound = range.max !== undefined ? `an integer from ${range.min} to ${range.max}` : `an integer of at least ${range.min}`;
    throw new UsageError(`--${name} must be ${bound}, got '${raw}'\n${usage}`);
  }
  return value;
}
