<?php
// `php -S` router for tests/browser/wordpress.test.mjs: WordPress from Debian's package
// (the document root, /usr/share/wordpress) with the test's own wp-content folder, as
// Debian's Apache configuration would serve it. The site's config (scripts/wordpress.sh)
// is chosen by WORDPRESS_CONFIG, which Apache would set with SetEnv.
$_SERVER['WORDPRESS_CONFIG'] = getenv('WORDPRESS_CONFIG');
// Started on a free port (php -S 127.0.0.1:0), the site is where the request says it is.
if (!getenv('OVP_WP_URL')) {
    putenv('OVP_WP_URL=http://' . $_SERVER['HTTP_HOST']);
}

$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
if (strpos($path, '/wp-content/') !== 0) {
    return false; // WordPress's own files and PHP, from the document root
}
$types = array(
    'js' => 'text/javascript', 'css' => 'text/css', 'json' => 'application/json',
    'wasm' => 'application/wasm', 'svg' => 'image/svg+xml', 'png' => 'image/png',
    'jpg' => 'image/jpeg', 'woff2' => 'font/woff2', 'html' => 'text/html',
);
$base = realpath(getenv('OVP_WP_CONTENT_DIR'));
$file = realpath($base . substr($path, strlen('/wp-content')));
$type = $types[strtolower(pathinfo((string) $file, PATHINFO_EXTENSION))] ?? null;
// Static files only, and inside wp-content (its themes are links into /usr/share).
if ($file === false || !is_file($file) || $type === null
    || (strpos($file, $base . '/') !== 0 && strpos($file, '/usr/share/wordpress/wp-content/') !== 0)) {
    http_response_code(404);
    return true;
}
header('Content-Type: ' . $type);
header('Content-Length: ' . filesize($file));
readfile($file);
return true;
