/** Reminders: the daily notice, the .ics export and the CalDAV push with its password. The feature's one door: other features import only what is named here. */
export { caldavErrorText, type CalendarPush } from './calendar-push';
export { phoneStatusText } from './phone-status';
export { registerReminderFeatures } from './reminder-features';
export { addSecretPicker, secretStorageAvailable } from './secret-storage';
