import type { App, DropdownComponent, Setting, TextComponent } from 'obsidian';
import { addSecretPicker, caldavErrorText, type CalendarPush, phoneStatusText, secretStorageAvailable } from '../reminders';
import { CALDAV_PROVIDERS, CalDavError, type ForgettingCurveSettings, isPlainHttpToRemote, providerOf } from '../../engine';
import { t } from '../../locale';
import type { Section } from './setting-rows';

/** What the phone section needs from the settings tab. */
export interface PhoneSectionHost {
	app: App;
	settings: ForgettingCurveSettings;
	push: CalendarPush | null;
	save: (change: Partial<ForgettingCurveSettings>) => Promise<void>;
	/** Listeners to remove when the tab is redrawn or closed. */
	cleanups: (() => void)[];
}

/**
 * Phone reminders: the CalDAV account, the calendar and the sync status. The password is picked
 * with Obsidian's SecretComponent, so only the secret's name is saved in data.json.
 */
export function phoneSection({ app, settings: s, push, save, cleanups }: PhoneSectionHost): Section {
	const heading = t('settings.heading.phone');
	if (!secretStorageAvailable() || !push) {
		return { heading, rows: [{ name: heading, desc: t('settings.phone-needs-version'), build: () => undefined }] };
	}
	let home: string | null = null;
	let picker: DropdownComponent | null = null;
	let serverText: TextComponent | null = null;
	let message: HTMLElement | null = null;
	const say = (text: string) => message?.setText(text);
	return {
		heading,
		rows: [
			{
				name: t('settings.phone-enabled'),
				desc: t('settings.phone-intro'),
				build: (setting) => setting.addToggle((toggle) => toggle.setValue(s.caldavEnabled).onChange((caldavEnabled) => void save({ caldavEnabled }))),
			},
			{
				name: t('settings.phone-provider'),
				desc: t(`settings.provider-hint.${providerOf(s.caldavServer)}`),
				build: (setting) =>
					setting.addDropdown((dropdown) => {
						for (const provider of CALDAV_PROVIDERS) dropdown.addOption(provider.id, t(`settings.provider.${provider.id}`));
						dropdown.setValue(providerOf(s.caldavServer)).onChange((id) => {
							const provider = CALDAV_PROVIDERS.find((p) => p.id === id);
							if (!provider) return;
							setting.setDesc(t(`settings.provider-hint.${provider.id}`));
							// A service with one address fills it in; one on the learner's own host shows an example.
							serverText?.setPlaceholder(provider.server);
							if (!provider.ownHost) {
								serverText?.setValue(provider.server);
								void save({ caldavServer: provider.server });
							}
						});
					}),
			},
			{
				name: t('settings.phone-server'),
				desc: t('settings.phone-server-desc'),
				build: (setting) => {
					const warning = httpWarning(setting, s.caldavServer);
					setting.addText((text) =>
						(serverText = text)
							.setPlaceholder(CALDAV_PROVIDERS.find((p) => p.id === providerOf(s.caldavServer))?.server ?? '')
							.setValue(s.caldavServer)
							.onChange((caldavServer) => {
								warning(caldavServer.trim());
								void save({ caldavServer: caldavServer.trim() });
							}),
					);
				},
			},
			{
				name: t('settings.phone-user'),
				desc: t('settings.phone-user-desc'),
				build: (setting) => setting.addText((text) => text.setValue(s.caldavUser).onChange((caldavUser) => void save({ caldavUser: caldavUser.trim() }))),
			},
			{
				name: t('settings.phone-password'),
				desc: t('settings.phone-password-desc'),
				build: (setting) => addSecretPicker(setting, app, s.caldavPasswordSecret, (caldavPasswordSecret) => void save({ caldavPasswordSecret })),
			},
			{
				name: t('settings.phone-calendar'),
				desc: t('settings.phone-calendar-desc'),
				build: (setting) => {
					const warning = httpWarning(setting, s.caldavCalendar);
					setting.addText((text) =>
						text
							.setPlaceholder(t('settings.phone-calendar-placeholder'))
							.setValue(s.caldavCalendar)
							.onChange((caldavCalendar) => {
								warning(caldavCalendar.trim());
								void save({ caldavCalendar: caldavCalendar.trim() });
							}),
					);
					setting.addDropdown((dropdown) => {
						picker = dropdown.addOption('', t('settings.phone-choose')).onChange((caldavCalendar) => {
							if (caldavCalendar !== '') void save({ caldavCalendar });
						});
						dropdown.selectEl.hide();
					});
					setting.addButton((button) =>
						button.setButtonText(t('settings.phone-connect')).onClick(async () => {
							try {
								const found = await push.discover();
								home = found.home;
								picker?.selectEl.empty();
								picker?.addOption('', t('settings.phone-choose'));
								for (const calendar of found.calendars) picker?.addOption(calendar.url, calendar.name);
								picker?.selectEl.show();
								say(found.calendars.length > 0 ? t('settings.phone-found', { count: found.calendars.length }) : t('settings.phone-none-found'));
							} catch (e) {
								say(errorText(e));
							}
						}),
					);
					setting.addButton((button) =>
						button.setButtonText(t('settings.phone-create')).onClick(async () => {
							try {
								const created = await push.createCalendar(home ?? (await push.discover()).home);
								await save({ caldavCalendar: created.url });
								say(t('settings.phone-created', { name: created.name }));
							} catch (e) {
								say(errorText(e));
							}
						}),
					);
					message = setting.settingEl.createDiv({ cls: 'forgetting-curve-setting-note' });
				},
			},
			{
				name: t('settings.phone-status'),
				build: (setting) => {
					const show = (): void => {
						setting.setDesc(phoneStatusText(push.status));
					};
					show();
					cleanups.push(push.subscribe(show));
					setting.addButton((button) => button.setButtonText(t('settings.phone-sync-now')).onClick(() => void push.sync(true)));
				},
			},
		],
	};
}

/**
 * A warning under an address field, shown while the address is plain http to a server outside the
 * learner's network (the password would travel readable); returns the function that updates it.
 */
function httpWarning(setting: Setting, initial: string): (address: string) => void {
	const warning = setting.descEl.createDiv({ cls: 'forgetting-curve-warning mod-warning', text: t('caldav.http-warning') });
	const update = (address: string) => warning.toggle(isPlainHttpToRemote(address));
	update(initial);
	return update;
}

function errorText(e: unknown): string {
	return e instanceof CalDavError ? caldavErrorText(e) : String(e);
}
