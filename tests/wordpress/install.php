<?php
// Installs the throwaway WordPress of tests/browser/wordpress.test.mjs, as its admin would:
// the site (wp_install, on its default theme), the plugin from its zip (as Plugins → Add
// New → Upload Plugin does), and a user with the Author role.
//   php install.php PLUGIN_ZIP AUTHOR_PASSWORD
// Environment: WORDPRESS_CONFIG=ovp-test and what that config reads (scripts/wordpress.sh).
// Prints a JSON summary.
$_SERVER['HTTP_HOST'] = parse_url(getenv('OVP_WP_URL'), PHP_URL_HOST);
$_SERVER['WORDPRESS_CONFIG'] = getenv('WORDPRESS_CONFIG');
[$script, $zip, $author_password] = $argv;

$db = new mysqli('localhost', 'root', '', '', 0, getenv('OVP_WP_DB_SOCKET'));
$db->query('CREATE DATABASE IF NOT EXISTS wordpress');

define('WP_INSTALLING', true);
require '/usr/share/wordpress/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once ABSPATH . 'wp-admin/includes/file.php';
require_once ABSPATH . 'wp-admin/includes/class-wp-upgrader.php';

$installed = wp_install('A blog', 'admin', 'admin@example.com', true, '', wp_generate_password());
wp_set_current_user($installed['user_id']);

$upgrader = new Plugin_Upgrader(new Automatic_Upgrader_Skin());
$result = $upgrader->install($zip);
if ($result !== true) {
    fwrite(STDERR, 'plugin install failed: ' . print_r($upgrader->skin->get_upgrade_messages(), true) . print_r($result, true));
    exit(1);
}
$plugin = $upgrader->plugin_info();
$activated = activate_plugin($plugin);
if (is_wp_error($activated)) {
    fwrite(STDERR, 'plugin activation failed: ' . $activated->get_error_message());
    exit(1);
}

$author = wp_insert_user(array(
    'user_login' => 'author',
    'user_pass' => $author_password,
    'user_email' => 'author@example.com',
    'role' => 'author',
));
if (is_wp_error($author)) {
    fwrite(STDERR, 'user failed: ' . $author->get_error_message());
    exit(1);
}

echo json_encode(array(
    'wordpress' => get_bloginfo('version'),
    'theme' => get_stylesheet(),
    'plugin' => $plugin,
    'author' => $author,
    'authorCanUnfilteredHtml' => user_can($author, 'unfiltered_html'),
)), "\n";
