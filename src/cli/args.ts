/**
 * Splitting argv into flag/value pairs for the CLIs: `--flag value` and `--flag=value` both work, whatever the
 * value starts with (generic parsers reject `--start -1.5,2`), and `--help`/`-h` anywhere asks for help.
 */
export interface Tokens {
	pairs: [string, string][];
	help: boolean;
}

/** The pairs in order, or a one-line message for the first argument that is not a known flag with a value. */
export function tokenizeArgs(argv: readonly string[], flags: readonly string[]): Tokens | string {
	const pairs: [string, string][] = [];
	let help = false;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--help' || arg === '-h') {
			help = true;
			continue;
		}
		if (!arg.startsWith('--')) return `unexpected argument "${arg}" (flags start with --; see --help)`;
		const eq = arg.indexOf('=');
		const name = arg.slice(2, eq === -1 ? undefined : eq);
		if (!flags.includes(name)) return `unknown option "--${name}" (see --help)`;
		let value: string;
		if (eq !== -1) value = arg.slice(eq + 1);
		else {
			if (i + 1 >= argv.length) return `--${name} needs a value`;
			value = argv[++i];
		}
		pairs.push([name, value]);
	}
	return { pairs, help };
}
