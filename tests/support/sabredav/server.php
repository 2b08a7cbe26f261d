<?php
// A SabreDAV 1.8 CalDAV server for the tests (Debian's php-sabre-dav), run with `php -S` on 127.0.0.1:
// the backend behind Nextcloud and Baikal. Basic authentication against one user given in the
// environment; calendars and principals in an SQLite file made by schema.sql.
require_once 'Sabre/autoload.php';

class TestBasicAuth extends \Sabre\DAV\Auth\Backend\AbstractBasic {
	protected function validateUserPass($username, $password) {
		return $username === getenv('SABRE_USER') && $password === getenv('SABRE_PASSWORD');
	}
}

$pdo = new \PDO('sqlite:' . getenv('SABRE_DB'));
$pdo->setAttribute(\PDO::ATTR_ERRMODE, \PDO::ERRMODE_EXCEPTION);
$principals = new \Sabre\DAVACL\PrincipalBackend\PDO($pdo);
$calendars = new \Sabre\CalDAV\Backend\PDO($pdo);
$server = new \Sabre\DAV\Server(array(
	new \Sabre\CalDAV\Principal\Collection($principals),
	new \Sabre\CalDAV\CalendarRootNode($principals, $calendars),
));
$server->setBaseUri('/');
$server->addPlugin(new \Sabre\DAV\Auth\Plugin(new TestBasicAuth(), 'SabreDAV'));
$server->addPlugin(new \Sabre\DAVACL\Plugin());
$server->addPlugin(new \Sabre\CalDAV\Plugin());
$server->exec();
