/** Talking to a CalDAV server safely: the client, where the password may go, the bounded XML reader, known providers. The feature's one door: other features import only what is named here. */
export { CalDavClient } from './caldav-client';
export { CalDavError, type CalDavFailure, type CalendarInfo, type HttpClient, type HttpRequest, type HttpResponse, type RemoteResource } from './caldav-types';
export { asCollection } from './dav-answers';
export { credentialBar, hasUserinfo, isPlainHttpToRemote, registrableDomain } from './credential-scope';
export { CALDAV_PROVIDERS, providerOf, type CalDavProvider, type ProviderId } from './providers';
export { XML_LIMITS, XmlError, parseXml, parseXmlInSlices } from './xml';
