<?php
// Publishes a post as a user of the throwaway WordPress, through wp_insert_post as the
// classic editor does (WordPress filters the content as it would for that user):
//   php post.php USER_LOGIN TITLE < CONTENT
// Prints { id, link, saved } (saved: the content as stored).
$_SERVER['HTTP_HOST'] = parse_url(getenv('OVP_WP_URL'), PHP_URL_HOST);
$_SERVER['WORDPRESS_CONFIG'] = getenv('WORDPRESS_CONFIG');
[$script, $login, $title] = $argv;
require '/usr/share/wordpress/wp-load.php';

wp_set_current_user(get_user_by('login', $login)->ID);
$id = wp_insert_post(array(
    'post_title' => $title,
    'post_content' => stream_get_contents(STDIN),
    'post_status' => 'publish',
), true);
if (is_wp_error($id)) {
    fwrite(STDERR, $id->get_error_message());
    exit(1);
}
echo json_encode(array('id' => $id, 'link' => get_permalink($id), 'saved' => get_post($id)->post_content)), "\n";
