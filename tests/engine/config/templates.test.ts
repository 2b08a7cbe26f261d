import { describe, expect, it } from 'vitest';
import { enUS } from 'date-fns/locale/en-US';
import { settingsProblemText } from '../../../src/locale/problems';
import { ko } from 'date-fns/locale/ko';
import { computeSchedule } from '../../../src/engine';
import { buildStages } from '../../../src/engine/schedule/stages';
import { compileTemplate, readBackPattern, renderTemplate, type TemplateContext } from '../../../src/engine/config/templates';

const STAGES = buildStages([1, 4, 7, 14], 30);
const IDS = STAGES.map((s) => s.id);

function context(done: Record<string, boolean>, locale = ko): TemplateContext {
	const schedule = computeSchedule(new Date(2024, 9, 1), new Date(2024, 9, 27), STAGES, new Map(Object.entries(done)));
	return { schedule, now: new Date(2024, 9, 27, 14, 0), rate: 0.6, bar: { filled: '#', empty: '.', width: 5 }, locale };
}

function render(source: string, ctx = context({ '1': true })): string {
	const compiled = compileTemplate(source, IDS, ctx.locale);
	if (!compiled.ok) throw new Error(JSON.stringify(compiled.error));
	return renderTemplate(compiled.template, ctx);
}

describe('templates', () => {
	it.each([
		['{{first}}', '2024-10-01'],
		['{{first|yyyy/MM/dd}}', '2024/10/01'],
		['{{today|yyyy.MM.dd}}', '2024.10.27'],
		["{{now|'@'yyyy'년' M'월' d'일' a h:mm}}", '@2024년 10월 27일 오후 2:00'],
		['{{due:4}} / {{due:long-term|M/d}}', '2024-10-05 / 10/31'],
		['{{next}}', '2024-10-05'],
		['day {{days}}', 'day 26'],
		['{{done:1}}{{done:4}}', '10'],
		['{{done:1|yes|no}} {{done:4|yes|no}}', 'yes no'],
		['{{rate}} = {{percent}}', '0.6 = 60%'],
		['{{bar}}', '###.. 60%'],
		['no placeholders', 'no placeholders'],
		['', ''],
	])('renders %s as %s', (source, expected) => {
		expect(render(source)).toBe(expected);
	});

	it('renders the English locale', () => {
		expect(render('{{now|EEEE, MMMM d, h:mm a}}', context({}, enUS))).toBe('Sunday, October 27, 2:00 PM');
	});

	it('renders the next review as empty once every review is done', () => {
		expect(render('[{{next}}]', context({ '1': true, '4': true, '7': true, '14': true, 'long-term': true }))).toBe('[]');
	});

	it.each([
		['{{nope}}', /^Unknown placeholder \{\{nope\}\}\. Known placeholders: first, today, now, due, next, days, done, rate, percent, bar\.$/],
		['{{due}}', /^\{\{due\}\} needs a stage, e\.g\. \{\{due:4\}\}\.$/],
		['{{due:5}}', /^\{\{due:5\}\} names stage "5", but the stages are 1, 4, 7, 14, long-term\.$/],
		['{{days:4}}', /^\{\{days:4\}\} takes no stage; write \{\{days\}\}\.$/],
		['{{rate|x}}', /^\{\{rate\|x\}\} takes no arguments\.$/],
		['{{done:1|only}}', /^\{\{done:1\|only\}\} takes two values/],
		['{{first|a|b}}', /takes one date format/],
		['{{first|yyyy-jj}}', /^\{\{first\|yyyy-jj\}\} has an invalid date format "yyyy-jj": /],
		['{{first', /^Unbalanced braces/],
		['x }} y', /^Unbalanced braces/],
		['two\nlines', /^A template must be a single line\.$/],
	])('rejects %j with a clear message', (source, message) => {
		const compiled = compileTemplate(source, IDS, ko);
		expect(compiled.ok).toBe(false);
		if (!compiled.ok) expect(settingsProblemText(compiled.error, 'en')).toMatch(message);
	});

	it('never evaluates a template as code', () => {
		expect(render('${1+1} {{days}} `x` <b>')).toBe('${1+1} 26 `x` <b>');
	});

	it('builds a read-back pattern that quotes everything but the time of day', () => {
		const compiled = compileTemplate("at {{now|HH:mm}} on day {{days}}, it's", IDS, ko);
		if (!compiled.ok) throw new Error(JSON.stringify(compiled.error));
		expect(compiled.template.usesNow).toBe(true);
		expect(readBackPattern(compiled.template, context({}))).toBe("'at 'HH:mm' on day ''26'', it''s'");
	});
});
