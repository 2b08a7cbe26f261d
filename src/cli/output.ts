/** Where a command writes; the CLI passes process streams, tests pass arrays. */
export interface Output {
	out: (text: string) => void;
	err: (text: string) => void;
}

/** Reports progress on stderr for large folders, about every tenth of the way. */
export function progressReporter(total: number, label: string, output: Output): (done: number) => void {
	const step = Math.max(1, Math.ceil(total / 10));
	if (total < 500) return () => undefined;
	return (done) => {
		if (done % step === 0 || done === total) output.err(`${label}: ${done}/${total} notes\n`);
	};
}
