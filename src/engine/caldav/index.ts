/** Talking to a CalDAV server safely: the client, where the password may go, the bounded XML reader, known providers. The feature's one door: other features import only what is named here. */
export { CalDavClient, DISCOVERY_FALLBACK_PATHS } from './caldav-client';
export { CalDavError, type CalDavFailure, type CalendarInfo, type HttpClient, type HttpRequest, type HttpResponse, type RemoteResource } from './caldav-types';
export { asCollection } from './dav-answers';
export { base64, credentialBar, hasUserinfo, HOST_EXCEPTIONS, isPlainHttpToRemote, redact, secretForms } from './credential-scope';
export { CALDAV_PROVIDERS, providerOf, type CalDavProvider, type ProviderId } from './providers';
export { XML_LIMITS, XmlError, parseXml, parseXmlInSlices } from './xml';
