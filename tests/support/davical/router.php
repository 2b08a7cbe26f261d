<?php
// DAViCal under PHP's own web server for the tests: every request goes to caldav.php, as Apache's
// alias does, with the server name that picks this run's configuration (/etc/davical/<name>-conf.php).
$_SERVER['SERVER_NAME'] = getenv('DAVICAL_NAME');
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
if (strpos($path, '/caldav.php') === 0) $path = substr($path, strlen('/caldav.php'));
$_SERVER['SCRIPT_NAME'] = '/caldav.php';
$_SERVER['PATH_INFO'] = $path === '' ? '/' : $path;
chdir('/usr/share/davical/htdocs');
require '/usr/share/davical/htdocs/caldav.php';
