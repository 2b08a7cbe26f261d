/** Timing helpers for the benchmark: best-of-rounds medians, so one noisy moment on a shared machine does not decide. */
export function medianMs(run: () => void, iterations: number, rounds = 7): number {
	const samples: number[] = [];
	for (let r = 0; r < rounds; r++) {
		const start = performance.now();
		for (let i = 0; i < iterations; i++) run();
		samples.push((performance.now() - start) / iterations);
	}
	samples.sort((a, b) => a - b);
	return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

export function round(value: number, digits = 3): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}
