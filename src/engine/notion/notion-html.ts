import { DomUtils, parseDocument } from 'htmlparser2';
import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import type { NotionPage } from './notion-export';

/**
 * Notion's "HTML" export, read with htmlparser2 (a well-kept, forgiving HTML parser that runs in Node
 * and on a phone alike) into the same shape as a "Markdown & CSV" page: the title, the properties as
 * the Markdown export writes their text (a date as its `<time>` says, checkboxes as Yes / No, selects
 * and multi-selects joined by ", ", relations as `Name (path.md)`), and the body in Markdown as the
 * Markdown export writes it. So both exports of one database give the same notes.
 * (Layout: shared/notes/notion-export.md, from obsidian-importer's real test export.)
 */

const isElement = (node: ChildNode): node is Element => isTag(node);
const classes = (el: Element) => (el.attribs.class ?? '').split(/\s+/);
const hasClass = (el: Element, name: string) => classes(el).includes(name);
const text = (node: ChildNode | ChildNode[]) => DomUtils.textContent(node).replace(/\s+/g, ' ').trim();
const find = (test: (el: Element) => boolean, nodes: ChildNode[]) => DomUtils.findAll(test, nodes);

/** True when the text is a Notion page (an `<article class="page">`), not the export's index. */
export function isNotionHtmlPage(html: string): boolean {
	return /<article\b[^>]*class="[^"]*\bpage\b/.test(html);
}

/**
 * A link's target as the Markdown export writes it: a page's `.html` is its `.md`; spaces stay %20;
 * composed (NFC), as the import writes every file and folder name.
 */
function markdownHref(href: string): string {
	return href.replace(/\.html(?=$|#)/, '.md').normalize('NFC');
}

/** One property's value as the Markdown export writes it; '' for an empty one (left out, as Notion leaves it). */
function propertyText(td: Element): string {
	const times = find((el) => el.name === 'time', td.children);
	if (times.length > 0) return times.map((el) => text(el)).join(' → ');
	const box = find((el) => el.name === 'div' && (hasClass(el, 'checkbox-on') || hasClass(el, 'checkbox-off')), td.children)[0];
	if (box) return hasClass(box, 'checkbox-on') ? 'Yes' : 'No';
	const chosen = find((el) => el.name === 'span' && (hasClass(el, 'selected-value') || hasClass(el, 'status-value')), td.children);
	if (chosen.length > 0) return chosen.map((el) => text(el)).join(', ');
	const links = find((el) => el.name === 'a' && (el.attribs.href ?? '').endsWith('.html'), td.children);
	if (links.length > 0) return links.map((el) => `${text(el)} (${markdownHref(el.attribs.href ?? '')})`).join(', ');
	return text(td);
}

/** A property's name: the header cell's text, after the icon Notion puts before it. */
function propertyName(th: Element): string {
	return text(th.children.filter((node) => !(isElement(node) && hasClass(node, 'icon'))));
}

/** Inline content as Markdown: bold, italic, code, links (pages as their .md), line breaks. */
function inline(nodes: ChildNode[]): string {
	let out = '';
	for (const node of nodes) {
		if (isText(node)) out += node.data.replace(/\s+/g, ' ');
		if (!isElement(node)) continue;
		const inner = () => inline(node.children);
		if (node.name === 'br') out += '\n';
		else if (node.name === 'strong' || node.name === 'b') out += `**${inner()}**`;
		else if (node.name === 'em' || node.name === 'i') out += `*${inner()}*`;
		else if (node.name === 'code') out += `\`${text(node)}\``;
		else if (node.name === 'del' || node.name === 's') out += `~~${inner()}~~`;
		else if (node.name === 'a') out += `[${inner()}](${markdownHref(node.attribs.href ?? '')})`;
		else if (node.name === 'time') out += text(node);
		else if (node.name !== 'style' && node.name !== 'script' && !hasClass(node, 'icon')) out += inner();
	}
	return out;
}

/** A URL part decoded, or as it is when it is not valid percent-encoding (a file name with a lone %). */
function decoded(part: string): string {
	try {
		return decodeURIComponent(part);
	} catch {
		return part;
	}
}

const indent = (lines: string[], by = '    ') => lines.map((line) => (line === '' ? '' : `${by}${line}`));

/** A list item's own text and its nested blocks (children lists and toggled content), indented under it. */
function listItem(li: Element, marker: string): string[] {
	const own: ChildNode[] = [];
	const nested: string[] = [];
	for (const node of li.children) {
		if (isElement(node) && ['ul', 'ol', 'details', 'div', 'figure', 'p', 'blockquote', 'pre', 'h1', 'h2', 'h3'].includes(node.name) && !(node.name === 'div' && hasClass(node, 'checkbox'))) nested.push(...blocks(node.name === 'div' || node.name === 'details' ? node.children : [node]));
		else own.push(node);
	}
	const checkbox = find((el) => el.name === 'div' && hasClass(el, 'checkbox'), own)[0];
	const box = checkbox ? (hasClass(checkbox, 'checkbox-on') ? '[x] ' : '[ ] ') : '';
	const line = `${marker} ${box}${inline(own).trim()}`.trimEnd();
	return [line === marker ? `${marker} ` : line, ...(nested.length > 0 ? ['', ...indent(nested)] : [])];
}

/** Block content as Markdown lines, blank lines between blocks as Notion's Markdown export has them. */
function blocks(nodes: ChildNode[]): string[] {
	const out: string[] = [];
	const add = (lines: string[]) => {
		if (lines.length === 0) return;
		if (out.length > 0) out.push('');
		out.push(...lines);
	};
	for (const node of nodes) {
		if (isText(node)) {
			if (node.data.trim() !== '') add([node.data.trim()]);
			continue;
		}
		if (!isElement(node)) continue;
		const name = node.name;
		if (/^h[1-6]$/.test(name)) add([`${'#'.repeat(Number(name[1]))} ${inline(node.children).trim()}`]);
		else if (name === 'p') {
			const line = inline(node.children).trim();
			if (line !== '') add(line.split('\n'));
		} else if (name === 'ul' || name === 'ol') {
			let number = Number(node.attribs.start ?? '1') || 1;
			for (const li of node.children.filter(isElement).filter((el) => el.name === 'li')) add(listItem(li, name === 'ol' ? `${number++}.` : '-'));
		} else if (name === 'details') {
			// A toggle: its summary as a list item, its content indented under it (Notion's Markdown export does the same).
			const summary = node.children.filter(isElement).find((el) => el.name === 'summary');
			const rest = node.children.filter((child) => child !== summary);
			const inner = blocks(rest);
			add([`- ${summary ? inline(summary.children).trim() : ''}`, ...(inner.length > 0 ? ['', ...indent(inner)] : [])]);
		} else if (name === 'figure' && hasClass(node, 'image')) {
			const img = find((el) => el.name === 'img', node.children)[0];
			const link = find((el) => el.name === 'a', node.children)[0];
			const source = markdownHref(link?.attribs.href ?? img?.attribs.src ?? '');
			const label = decoded(source.slice(source.lastIndexOf('/') + 1));
			if (source !== '') add([`![${label}](${source})`]);
		} else if (name === 'figure' && hasClass(node, 'link-to-page')) {
			const link = find((el) => el.name === 'a', node.children)[0];
			if (link) add([`[${text(link)}](${markdownHref(link.attribs.href ?? '')})`]);
		} else if (name === 'blockquote') add(blocks(node.children).map((line) => (line === '' ? '>' : `> ${line}`)));
		else if (name === 'pre') add(['```', ...DomUtils.textContent(node).replace(/\n$/, '').split('\n'), '```']);
		else if (name === 'hr') add(['---']);
		else if (name === 'figure' || name === 'div' || name === 'section' || name === 'span') add(blocks(node.children));
	}
	return out;
}

/**
 * One page of the HTML export: `<title>` (file names are cut short, the title is not), the property
 * table's rows (empty ones left out, as the Markdown export leaves them), and `.page-body` as Markdown.
 * Null for a file that is not a page (the export's index.html).
 */
export function readNotionHtmlPage(html: string): NotionPage | null {
	if (!isNotionHtmlPage(html)) return null;
	const dom = parseDocument(html, { decodeEntities: true });
	const title = text(find((el) => el.name === 'title', dom.children)[0]?.children ?? []) || text(find((el) => el.name === 'h1' && hasClass(el, 'page-title'), dom.children)[0]?.children ?? []);
	const properties: [string, string][] = [];
	const table = find((el) => el.name === 'table' && hasClass(el, 'properties'), dom.children)[0];
	for (const row of table ? find((el) => el.name === 'tr', table.children) : []) {
		const th = row.children.filter(isElement).find((el) => el.name === 'th');
		const td = row.children.filter(isElement).find((el) => el.name === 'td');
		if (!th || !td) continue;
		const value = propertyText(td);
		if (value !== '') properties.push([propertyName(th), value]);
	}
	const body = find((el) => el.name === 'div' && hasClass(el, 'page-body'), dom.children)[0];
	return { title, properties, body: body ? blocks(body.children).join('\n') : '' };
}

/** True when a page is a database's (it lists the database's rows), whose folder holds the row pages. */
export function isNotionHtmlDatabase(html: string): boolean {
	return /<table\b[^>]*class="[^"]*\bcollection-content\b/.test(html);
}
