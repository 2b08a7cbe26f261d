import { isoOfDayNumber, type RecallCurve, type ReviewPointKind } from '../../engine';
import { stageText, t, uiLanguage } from '../../locale';

const WIDTH = 320;
const HEIGHT = 160;
const PAD = { left: 34, right: 8, top: 10, bottom: 22 };

const percent = (recall: number) => `${Math.round(recall * 100)}%`;

/** The short date format, made once per language: making one costs more than drawing the chart's points. */
const FORMATS = new Map<string, Intl.DateTimeFormat>();

/** A day as the UI language writes it, short: "Oct 5", "10월 5일". */
function dayLabel(day: number): string {
	const language = uiLanguage();
	let format = FORMATS.get(language);
	if (!format) FORMATS.set(language, (format = new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric' })));
	return format.format(new Date(`${isoOfDayNumber(day)}T12:00:00`));
}

/** The curve in words, for a screen reader and for anyone who reads rather than looks. */
export function curveSummary(curve: RecallCurve): string {
	const today = curve.todayRecall === null ? t('curve.not-studied') : t('curve.today', { recall: percent(curve.todayRecall) });
	const next = curve.next ? t('curve.next', { stage: stageText(curve.next.stage, 'review'), date: dayLabel(curve.next.day), recall: percent(curve.next.recall) }) : t('curve.all-done');
	return `${today} ${next}`;
}

/**
 * Draws one note's forgetting curve (predicted recall, an FSRS estimate) into `parent`: the curve
 * falling between reviews and rising at each, the part after today dashed as a projection, each review
 * a point (its kind a class: on time, late, early, snoozed), today and the next review marked. The
 * chart takes the keyboard: the arrow keys walk the days, each read out with its recall.
 */
export function renderCurve(parent: HTMLElement, title: string, curve: RecallCurve): void {
	const root = createDiv({ cls: 'forgetting-curve-curve' });
	root.createEl('h4', { cls: 'forgetting-curve-curve-title', text: title });
	const summary = curveSummary(curve);
	root.createDiv({ cls: 'forgetting-curve-curve-summary', text: summary });
	const first = curve.samples[0]?.day ?? curve.today;
	const last = curve.samples.at(-1)?.day ?? curve.today;
	const x = (day: number) => PAD.left + ((day - first) / Math.max(1, last - first)) * (WIDTH - PAD.left - PAD.right);
	const y = (recall: number) => PAD.top + (1 - recall) * (HEIGHT - PAD.top - PAD.bottom);
	const chart = root.createDiv({ cls: 'forgetting-curve-curve-chart', attr: { tabindex: '0', role: 'img', 'aria-label': `${t('curve.chart')}. ${summary}` } });
	const svg = chart.createSvg('svg', { attr: { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT } });
	for (const level of [1, 0.5, 0]) {
		svg.createSvg('line', { cls: 'forgetting-curve-curve-grid', attr: { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(level), y2: y(level) } });
		svg.createSvg('text', { cls: 'forgetting-curve-curve-axis', attr: { x: PAD.left - 4, y: y(level) + 3, 'text-anchor': 'end' } }).textContent = percent(level);
	}
	const points = (samples: readonly RecallCurve['samples'][number][]) => samples.map((s) => `${x(s.day).toFixed(1)},${y(s.recall).toFixed(1)}`).join(' ');
	const past = curve.samples.filter((s) => !s.projected);
	// The projection starts where the past ends, so the two lines meet at today.
	const ahead = [...past.slice(-1), ...curve.samples.filter((s) => s.projected)];
	svg.createSvg('polyline', { cls: 'forgetting-curve-curve-line', attr: { points: points(past) } });
	svg.createSvg('polyline', { cls: 'forgetting-curve-curve-line forgetting-curve-curve-projected', attr: { points: points(ahead) } });
	svg.createSvg('line', { cls: 'forgetting-curve-curve-today', attr: { x1: x(curve.today), x2: x(curve.today), y1: PAD.top, y2: HEIGHT - PAD.bottom } });
	if (curve.next) svg.createSvg('line', { cls: 'forgetting-curve-curve-next', attr: { x1: x(curve.next.day), x2: x(curve.next.day), y1: PAD.top, y2: HEIGHT - PAD.bottom } });
	for (const point of curve.points) {
		const at = curve.samples.filter((s) => s.day === point.day).at(-1)?.recall ?? 1;
		const dot = svg.createSvg('circle', { cls: `forgetting-curve-curve-point forgetting-curve-curve-${point.kind}`, attr: { cx: x(point.day), cy: y(point.kind === 'snoozed' ? at : 1), r: point.kind === 'first' ? 4 : 3.5, 'data-day': isoOfDayNumber(point.day) } });
		dot.createSvg('title').textContent = `${dayLabel(point.day)}: ${pointText(point.kind, point.stage ? stageText(point.stage, 'review') : '')}`;
	}
	for (const [day, label, anchor] of [[first, dayLabel(first), 'start'], [curve.today, t('curve.today-label'), 'middle'], [last, dayLabel(last), 'end']] as const) {
		svg.createSvg('text', { cls: 'forgetting-curve-curve-axis', attr: { x: x(day), y: HEIGHT - 6, 'text-anchor': anchor } }).textContent = label;
	}
	const cursor = svg.createSvg('circle', { cls: 'forgetting-curve-curve-cursor', attr: { r: 4, cx: x(curve.today), cy: y(curve.todayRecall ?? 0) } });
	const spoken = root.createDiv({ cls: 'forgetting-curve-curve-readout', attr: { 'aria-live': 'polite' } });
	// The keyboard walks the days: left and right one day, Home and End to the ends.
	const days = [...new Map(curve.samples.map((s) => [s.day, s])).values()];
	let at = Math.max(0, days.findIndex((s) => s.day === curve.today));
	chart.addEventListener('keydown', (event) => {
		const moves: Record<string, number> = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: days.length - 1 };
		if (!(event.key in moves)) return;
		event.preventDefault();
		at = Math.min(days.length - 1, Math.max(0, moves[event.key] ?? at));
		const sample = days[at];
		if (!sample) return;
		cursor.setAttribute('cx', String(x(sample.day)));
		cursor.setAttribute('cy', String(y(sample.recall)));
		spoken.setText(`${dayLabel(sample.day)}: ${percent(sample.recall)}${sample.projected ? ` (${t('curve.projected')})` : ''}`);
	});
	root.createDiv({ cls: 'forgetting-curve-curve-note', text: t('curve.estimate') });
	parent.replaceChildren(root);
}

function pointText(kind: ReviewPointKind, stage: string): string {
	return t(`curve.point.${kind}`, { stage });
}
