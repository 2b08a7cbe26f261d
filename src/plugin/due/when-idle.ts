/** Runs when the app is idle; iOS WebViews have no requestIdleCallback, so a timeout stands in there. */
export function whenIdle(task: () => void): void {
	if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(task, { timeout: 2000 });
	else window.setTimeout(task, 200);
}
