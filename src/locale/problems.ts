import type { ProblemParams, Refusal, RefusalCode, SettingsProblem, SettingsProblemCode, UnsafeWhy, ValueKind } from '../engine';

/**
 * The words for the engine's codes, in each language the plugin speaks; the CLI uses English. The
 * engine returns codes and values only (like obsidian-linter, the text lives in tables). Korean
 * sentences put values after a colon or in brackets, so no particle has to be guessed.
 */
export type Language = 'en' | 'ko';

type Render = (p: ProblemParams) => string;
const s = (p: ProblemParams, name: string) => String(p[name] ?? '');

const VALUES: Record<Language, Record<ValueKind, Render>> = {
	en: {
		empty: () => 'an empty value',
		text: (p) => s(p, 'value'),
		number: (p) => `the number ${s(p, 'value')}`,
		boolean: (p) => `the boolean ${s(p, 'value')}`,
		list: () => 'a list',
		alias: () => 'an alias (*name)',
		map: () => 'a map',
	},
	ko: {
		empty: () => '빈 값',
		text: (p) => s(p, 'value'),
		number: (p) => `숫자 ${s(p, 'value')}`,
		boolean: (p) => `참거짓 값 ${s(p, 'value')}`,
		list: () => '목록',
		alias: () => '별칭(*이름)',
		map: () => '맵',
	},
};

const WHY: Record<Language, Record<UnsafeWhy, Render>> = {
	en: {
		unparseable: () => 'the result would not parse',
		'key-would-change': (p) => `"${s(p, 'key')}" would change`,
		'keys-would-change': () => 'the set of keys would change',
		'not-a-map': () => 'the result is not a map',
		'no-read-back': (p) => `"${s(p, 'key')}" would not read back as written`,
		'bad-edit': () => 'the edits overlap',
	},
	ko: {
		unparseable: () => '고친 결과의 문법이 올바르지 않음',
		'key-would-change': (p) => `"${s(p, 'key')}" 값이 바뀜`,
		'keys-would-change': () => '키 목록이 바뀜',
		'not-a-map': () => '고친 결과가 "키: 값" 목록이 아님',
		'no-read-back': (p) => `"${s(p, 'key')}" 값이 쓴 대로 읽히지 않음`,
		'bad-edit': () => '고칠 자리가 겹침',
	},
};

const SHAPES: Record<Language, Record<string, string>> = {
	en: { list: 'a list', 'flow-map': 'a {…} flow map', scalar: 'a single value' },
	ko: { list: '목록', 'flow-map': '중괄호 맵', scalar: '값 하나' },
};

const value = (lang: Language, p: ProblemParams) => VALUES[lang][(p.valueKind as ValueKind | undefined) ?? 'text'](p);

const REFUSALS: Record<Language, Record<RefusalCode, Render>> = {
	en: {
		'malformed-yaml': (p) => `The frontmatter is not valid YAML${Number(p.line) > 0 ? ` (line ${s(p, 'line')} of the note)` : ''}: ${s(p, 'detail')}.`,
		'too-deep': (p) => `The frontmatter is nested ${Number(p.limit) > 0 ? `more than ${s(p, 'limit')} levels deep` : 'too deeply'}: too complex to read safely, so it was left as it is.`,
		'too-large': (p) => `The frontmatter is ${s(p, 'size')} characters long, over the limit of ${s(p, 'limit')}: too complex to read safely, so it was left as it is.`,
		'explicit-key': (p) => `"${s(p, 'key')}" is written as an explicit key ("? ${s(p, 'key')}") with no value. Write it as "${s(p, 'key')}:" so Forgetting Curve can fill it in.`,
		'read-only': () => 'The note is a read-only file, so it was left as it is.',
		'not-a-map': (p) => `The frontmatter is ${SHAPES.en[s(p, 'shape')] ?? ''}, not a list of "key: value" lines.`,
		'duplicate-key': (p) => `The key "${s(p, 'key')}" appears more than once in the frontmatter.`,
		'duplicate-key-spellings': (p) => `The keys "${s(p, 'other')}" and "${s(p, 'key')}" are the same key written two ways; keep one.`,
		'not-a-single-value': (p) => `"${s(p, 'key')}" holds a list or map, but Forgetting Curve writes a single value there. Rename or remove that key.`,
		alias: (p) => `"${s(p, 'key')}" is an alias (*${s(p, 'name')}) of another value, but Forgetting Curve writes a single value there. Write the value itself.`,
		'alias-unresolved': () => 'The frontmatter has an alias (*name) whose anchor is missing, refers to itself, or expands too far.',
		'tagged-value': (p) => `"${s(p, 'key')}" has the YAML tag ${s(p, 'tag')}, which does not fit the value Forgetting Curve writes there. Remove the tag.`,
		unreadable: () => 'The frontmatter could not be read.',
		'not-utf8': (p) => `The note is not valid UTF-8 text (the first bad byte is at offset ${s(p, 'offset')}), so it was left as it is.`,
		'bad-date': (p) => `"${s(p, 'key')}" should be a date like 2024-10-01 (or 2024/10/01, 2024.10.01), but it is ${value('en', p)}.`,
		'impossible-date': (p) => `"${s(p, 'key')}" is ${s(p, 'value')}, which is not a real calendar date.`,
		'bad-checkbox': (p) => `"${s(p, 'key')}" should be true or false, but it is ${value('en', p)}.`,
		'unsafe-write': (p) => `Forgetting Curve could not update this note without changing other content (${WHY.en[p.why as UnsafeWhy](p)}); nothing was written.`,
		'changed-on-disk': () => 'The note changed on disk while it was being recomputed; it was left as it is.',
	},
	ko: {
		'malformed-yaml': (p) => `속성 영역의 문법이 올바르지 않습니다${Number(p.line) > 0 ? ` (노트 ${s(p, 'line')}번째 줄)` : ''}.`,
		'too-deep': (p) => `속성 영역이 ${Number(p.limit) > 0 ? `${s(p, 'limit')}단계보다 ` : '너무 '}깊게 중첩되어 있어 안전하게 읽기에는 너무 복잡합니다. 노트는 그대로 두었습니다.`,
		'too-large': (p) => `속성 영역이 ${s(p, 'size')}자로, 한도(${s(p, 'limit')}자)를 넘어 안전하게 읽기에는 너무 복잡합니다. 노트는 그대로 두었습니다.`,
		'explicit-key': (p) => `값 없는 명시적 키("? ${s(p, 'key')}")에는 값을 쓸 수 없습니다: "${s(p, 'key')}". "${s(p, 'key')}:"처럼 적어 주세요.`,
		'read-only': () => '읽기 전용 파일이어서 노트를 그대로 두었습니다.',
		'not-a-map': (p) => `속성 영역이 "키: 값" 줄들이 아니라 ${SHAPES.ko[s(p, 'shape')] ?? ''}입니다.`,
		'duplicate-key': (p) => `같은 키가 두 번 나옵니다: "${s(p, 'key')}"`,
		'duplicate-key-spellings': (p) => `같은 키가 두 가지로 적혀 있습니다: "${s(p, 'other')}", "${s(p, 'key')}". 하나만 남겨 주세요.`,
		'not-a-single-value': (p) => `목록이나 맵이 든 키에는 값을 쓸 수 없습니다: "${s(p, 'key')}". 키 이름을 바꾸거나 지워 주세요.`,
		alias: (p) => `다른 값을 가리키는 별칭(*${s(p, 'name')})에는 값을 쓸 수 없습니다: "${s(p, 'key')}". 값을 직접 적어 주세요.`,
		'alias-unresolved': () => '속성 영역에 가리킬 대상이 없거나, 자기 자신을 가리키거나, 너무 크게 불어나는 별칭(*)이 있습니다.',
		'tagged-value': (p) => `쓰려는 값과 맞지 않는 형식 표시(${s(p, 'tag')})가 붙어 있습니다: "${s(p, 'key')}". 형식 표시를 지워 주세요.`,
		unreadable: () => '속성 영역을 읽을 수 없습니다.',
		'not-utf8': (p) => `노트에 글자로 읽을 수 없는 바이트가 있어 그대로 두었습니다 (처음 나오는 위치: ${s(p, 'offset')}).`,
		'bad-date': (p) => `"${s(p, 'key')}": 2024-10-01 (또는 2024/10/01, 2024.10.01) 같은 날짜를 적어 주세요. 지금 값: ${value('ko', p)}`,
		'impossible-date': (p) => `"${s(p, 'key')}": 달력에 없는 날짜입니다 (${s(p, 'value')}).`,
		'bad-checkbox': (p) => `"${s(p, 'key')}": true 또는 false를 적어 주세요. 지금 값: ${value('ko', p)}`,
		'unsafe-write': (p) => `다른 내용을 바꾸지 않고는 이 노트를 고칠 수 없어 아무것도 쓰지 않았습니다 (${WHY.ko[p.why as UnsafeWhy](p)}).`,
		'changed-on-disk': () => '다시 계산하는 동안 노트 파일이 바뀌어 그대로 두었습니다.',
	},
};

const TEMPLATE_PREFIX: Record<Language, Render> = { en: (p) => `Field "${s(p, 'key')}": `, ko: (p) => `필드 "${s(p, 'key')}": ` };

const SETTINGS: Record<Language, Record<SettingsProblemCode, Render>> = {
	en: {
		'not-an-object': () => 'Settings must be a JSON object; using the defaults.',
		'setting-unusable': (p) => `Setting "${s(p, 'name')}" has an unusable value ${s(p, 'value')}; using the default.`,
		'address-userinfo': (p) => `Setting "${s(p, 'name')}" holds a user name or password inside the address; it was not kept. Enter the address alone, the user name and password in their own fields.`,
		'unknown-preset': (p) => `Unknown preset "${s(p, 'preset')}".`,
		'unknown-locale': (p) => `Preset "${s(p, 'preset')}" names an unknown locale "${s(p, 'locale')}".`,
		'intervals-not-increasing': (p) => `Review intervals must increase: ${s(p, 'intervals')}.`,
		'long-term-too-early': (p) => `The long-term review (day ${s(p, 'longTerm')}) must come after the last interval (day ${s(p, 'last')}).`,
		'no-checkbox-key': (p) => `Stage ${s(p, 'stage')} has no checkbox key.`,
		'field-empty-key': () => 'A computed field has an empty key.',
		'field-overwrites-input': (p) => `Computed field "${s(p, 'key')}" would overwrite an input key.`,
		'field-twice': (p) => `Computed field "${s(p, 'key')}" is listed twice.`,
		'template-multiline': () => 'A template must be a single line.',
		'template-braces': (p) => `Unbalanced braces in "${s(p, 'source')}": write placeholders as {{name}}.`,
		'template-unknown-placeholder': (p) => `Unknown placeholder ${s(p, 'placeholder')}. Known placeholders: ${s(p, 'known')}.`,
		'template-needs-stage': (p) => `${s(p, 'placeholder')} needs a stage, e.g. ${s(p, 'example')}.`,
		'template-no-stage': (p) => `${s(p, 'placeholder')} takes no stage; write ${s(p, 'example')}.`,
		'template-unknown-stage': (p) => `${s(p, 'placeholder')} names stage "${s(p, 'stage')}", but the stages are ${s(p, 'stages')}.`,
		'template-no-arguments': (p) => `${s(p, 'placeholder')} takes no arguments.`,
		'template-two-values': (p) => `${s(p, 'placeholder')} takes two values (done|not done), e.g. {{done:1|1|0}}.`,
		'template-one-format': (p) => `${s(p, 'placeholder')} takes one date format.`,
		'template-bad-format': (p) => `${s(p, 'placeholder')} has an invalid date format "${s(p, 'pattern')}": ${s(p, 'detail')}`,
	},
	ko: {
		'not-an-object': () => '설정 파일의 형식이 올바르지 않아 기본값을 씁니다.',
		'setting-unusable': (p) => `쓸 수 없는 설정 값이어서 기본값을 씁니다: "${s(p, 'name')}" = ${s(p, 'value')}`,
		'address-userinfo': (p) => `주소 안에 사용자 이름이나 암호가 들어 있어 저장하지 않았습니다: "${s(p, 'name')}". 주소만 적고, 사용자 이름과 암호는 각자의 칸에 적어 주세요.`,
		'unknown-preset': (p) => `없는 프리셋입니다: "${s(p, 'preset')}"`,
		'unknown-locale': (p) => `프리셋의 언어를 찾지 못했습니다: "${s(p, 'preset')}" (${s(p, 'locale')})`,
		'intervals-not-increasing': (p) => `복습 간격은 점점 커져야 합니다: ${s(p, 'intervals')}`,
		'long-term-too-early': (p) => `장기 복습(${s(p, 'longTerm')}일째)은 마지막 간격(${s(p, 'last')}일째)보다 뒤여야 합니다.`,
		'no-checkbox-key': (p) => `체크 상자 키가 없는 단계가 있습니다: ${s(p, 'stage')}`,
		'field-empty-key': () => '계산 필드의 키가 비어 있습니다.',
		'field-overwrites-input': (p) => `계산 필드가 입력 키를 덮어쓰게 됩니다: "${s(p, 'key')}"`,
		'field-twice': (p) => `계산 필드가 두 번 나옵니다: "${s(p, 'key')}"`,
		'template-multiline': () => '템플릿은 한 줄이어야 합니다.',
		'template-braces': (p) => `중괄호 짝이 맞지 않습니다: "${s(p, 'source')}". 자리표시자는 {{이름}}처럼 씁니다.`,
		'template-unknown-placeholder': (p) => `모르는 자리표시자입니다: ${s(p, 'placeholder')}. 쓸 수 있는 것: ${s(p, 'known')}`,
		'template-needs-stage': (p) => `단계를 적어야 하는 자리표시자입니다: ${s(p, 'placeholder')}. 예: ${s(p, 'example')}`,
		'template-no-stage': (p) => `단계를 적지 않는 자리표시자입니다: ${s(p, 'placeholder')}. 이렇게 쓰세요: ${s(p, 'example')}`,
		'template-unknown-stage': (p) => `없는 단계입니다: ${s(p, 'placeholder')} ("${s(p, 'stage')}"). 있는 단계: ${s(p, 'stages')}`,
		'template-no-arguments': (p) => `인자를 붙이지 않는 자리표시자입니다: ${s(p, 'placeholder')}`,
		'template-two-values': (p) => `완료와 미완료 두 값을 적는 자리표시자입니다: ${s(p, 'placeholder')}. 예: {{done:1|1|0}}`,
		'template-one-format': (p) => `날짜 형식은 하나만 적습니다: ${s(p, 'placeholder')}`,
		'template-bad-format': (p) => `날짜 형식이 올바르지 않습니다: ${s(p, 'placeholder')} ("${s(p, 'pattern')}")`,
	},
};

export function refusalText(refusal: Refusal, lang: Language): string {
	return REFUSALS[lang][refusal.code](refusal.params);
}

export function settingsProblemText(problem: SettingsProblem, lang: Language): string {
	const text = SETTINGS[lang][problem.code](problem.params);
	return problem.code.startsWith('template-') && problem.params.key !== undefined ? `${TEMPLATE_PREFIX[lang](problem.params)}${text}` : text;
}

/** Every code, for the test that renders them all. */
export const REFUSAL_CODES = Object.keys(REFUSALS.en) as RefusalCode[];
export const SETTINGS_PROBLEM_CODES = Object.keys(SETTINGS.en) as SettingsProblemCode[];
