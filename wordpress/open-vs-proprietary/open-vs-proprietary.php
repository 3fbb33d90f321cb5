<?php
/**
 * Plugin Name:       Open-source or proprietary AI? quiz
 * Description:       The open-vs-proprietary decision quiz in posts and pages: the [open_vs_proprietary] shortcode and the "Open-source or proprietary AI? quiz" block, with the widget's files served from this plugin. Works for Authors and Contributors, whose posts may not hold scripts.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 *
 * @package open-vs-proprietary
 */

defined( 'ABSPATH' ) || exit;

/**
 * What the build put beside this file (build.php): hashes, the prerendered intro, the
 * languages, and the element's attributes, which the shortcode and the block pass on
 * (others are ignored).
 */
function ovp_build() {
	static $build = null;
	if ( null === $build ) {
		$build = require __DIR__ . '/build.php';
	}
	return $build;
}

function ovp_assets_url() {
	return plugins_url( 'assets/', __FILE__ );
}

add_action( 'init', 'ovp_register' );

function ovp_register() {
	// No version: embed.js finds its files beside its own URL, and the prerendered intro's
	// stylesheet must be the very URL embed.js loads.
	wp_register_script( 'open-vs-proprietary', ovp_assets_url() . 'embed.js', array(), null, true );
	add_shortcode( 'open_vs_proprietary', 'ovp_shortcode' );
	$block = register_block_type( __DIR__ . '/block', array( 'render_callback' => 'ovp_render_block' ) );
	// The editor's Language menu offers the build's built-in languages (build.php), and its
	// preview of an author's own pack runs the widget from this plugin's files.
	if ( $block && ! empty( $block->editor_script_handles ) ) {
		wp_add_inline_script(
			$block->editor_script_handles[0],
			'window.openVsProprietaryLanguages = ' . wp_json_encode( ovp_build()['languages'] ) . ';'
				. 'window.openVsProprietaryAssets = ' . wp_json_encode( ovp_assets_url() ) . ';',
			'before'
		);
	}
}

// embed.js is an ES module, checked against the hash of the build it came with. WordPress
// 6.1 has no module scripts (wp_enqueue_script_module came in 6.5), so the tag is written
// here; this works in later versions too.
add_filter( 'script_loader_tag', 'ovp_script_tag', 10, 3 );

function ovp_script_tag( $tag, $handle, $src ) {
	if ( 'open-vs-proprietary' !== $handle ) {
		return $tag;
	}
	return sprintf(
		'<script type="module" src="%s" integrity="%s" crossorigin="anonymous" id="open-vs-proprietary-js"></script>' . "\n",
		esc_url( $src ),
		esc_attr( ovp_build()['embed_integrity'] )
	);
}

/**
 * [open_vs_proprietary lang="en" dir="rtl" theme="auto" src="…" id="…" storage="local" loading="lazy"]
 * In a block of its own, as the block is: a theme's layout rules (the text column's
 * width, say) then apply to the block and the widget fills it.
 */
function ovp_shortcode( $atts ) {
	$atts = shortcode_atts( array_fill_keys( ovp_build()['attributes'], '' ), $atts, 'open_vs_proprietary' );
	return '<div class="open-vs-proprietary-quiz">' . ovp_render( $atts ) . '</div>';
}

function ovp_render_block( $attributes ) {
	$pack = isset( $attributes['pack'] ) ? trim( (string) $attributes['pack'] ) : '';
	return '<div ' . get_block_wrapper_attributes() . '>' . ovp_render( $attributes, $pack ) . '</div>';
}

/**
 * The element, with the prerendered first screen when it is the one the widget will show
 * (the built-in quiz in English), and the script enqueued once for the page. `$pack` is
 * an author's own pack (the block's pasted JSON), which goes inside the element as the
 * snippet from the studio puts it.
 */
function ovp_render( array $atts, $pack = '' ) {
	$build      = ovp_build();
	$assets     = ovp_assets_url();
	$attributes = '';
	foreach ( ovp_build()['attributes'] as $name ) {
		$value = isset( $atts[ $name ] ) ? trim( (string) $atts[ $name ] ) : '';
		if ( '' !== $value ) {
			$attributes .= sprintf( ' %s="%s"', $name, esc_attr( $value ) );
		}
	}
	wp_enqueue_script( 'open-vs-proprietary' );

	// The fallback text comes first: it is hidden by the prerendered screen, and shown
	// until the widget mounts where there is none.
	$inner = esc_html( $build['fallback'] );
	if ( '' !== $pack ) {
		// Its own title in the fallback text (in the studio's embed code's words).
		$decoded = json_decode( $pack, true );
		if ( is_array( $decoded ) && isset( $decoded['title'] ) && is_string( $decoded['title'] ) && '' !== trim( $decoded['title'] ) ) {
			$inner = esc_html( trim( $decoded['title'] ) . ': this interactive quiz could not load here (it needs JavaScript).' );
		}
		$inner .= '<script type="application/json">' . ovp_json_for_script( $pack ) . '</script>';
	} elseif ( ovp_shows_prerendered( $atts ) ) {
		$inner .= str_replace( 'https://YOUR-HOST/PATH/', esc_url( $assets ), $build['prerendered'] );
	}
	$preload = '';
	if ( isset( $atts['loading'] ) && 'eager' === $atts['loading'] ) {
		$preload = sprintf(
			'<link rel="preload" href="%s" as="fetch" type="application/wasm" integrity="%s" crossorigin="anonymous">',
			esc_url( $assets . 'open-vs-proprietary_bg.wasm' ),
			esc_attr( $build['wasm_integrity'] )
		);
	}
	return $preload . '<open-vs-proprietary' . $attributes . '>' . $inner . '</open-vs-proprietary>';
}

/**
 * A pack's JSON text, the same JSON, to sit in a script element of a post: `<` as \u003c,
 * so nothing in it can end the element, and inside its strings `[` as \u005b, so no
 * shortcode (which WordPress expands later, inside scripts too) is found in a text.
 */
function ovp_json_for_script( $json ) {
	$json = preg_replace_callback(
		'/"(?:[^"\\\\]|\\\\.)*+"/s',
		function ( $string ) {
			return str_replace( '[', '\u005b', $string[0] );
		},
		$json
	);
	return str_replace( '<', '\u003c', (string) $json );
}

/** Whether the widget will start on the prerendered intro: the built-in quiz, in English. */
function ovp_shows_prerendered( array $atts ) {
	if ( ! empty( $atts['src'] ) ) {
		return false;
	}
	$lang    = ! empty( $atts['lang'] ) ? $atts['lang'] : get_bloginfo( 'language' );
	$primary = strtolower( (string) strtok( (string) $lang, '-_' ) );
	return ! in_array( $primary, array_diff( ovp_build()['languages'], array( 'en' ) ), true );
}

// An author's own pack may be uploaded to the Media Library, which refuses .json files
// unless a plugin allows them: this one does, for users who may upload, and the block's
// and shortcode's `src` then names the file on the site's own address (no CORS needed).
add_filter( 'upload_mimes', 'ovp_allow_json_uploads' );

function ovp_allow_json_uploads( $mimes ) {
	$mimes['json'] = 'application/json';
	return $mimes;
}

// WordPress also checks what a file holds: a pack reads as text/plain (or application/json).
add_filter( 'wp_check_filetype_and_ext', 'ovp_check_json_upload', 10, 3 );

function ovp_check_json_upload( $checked, $file, $filename ) {
	if ( 'json' !== strtolower( pathinfo( (string) $filename, PATHINFO_EXTENSION ) ) || ! empty( $checked['ext'] ) ) {
		return $checked;
	}
	// Only where the site allows .json (a network's list of file types stays in force),
	// and only a file that is a JSON object, as a pack is.
	$allowed = get_allowed_mime_types();
	$text    = is_readable( $file ) ? file_get_contents( $file ) : false;
	if ( isset( $allowed['json'] ) && false !== $text && is_array( json_decode( $text, true ) ) && '{' === substr( ltrim( $text ), 0, 1 ) ) {
		return array( 'ext' => 'json', 'type' => 'application/json', 'proper_filename' => false );
	}
	return $checked;
}

// Users without the unfiltered_html capability (Authors, Contributors) lose the snippet's
// script, stylesheet, template and element when they save: WordPress's HTML filter
// (kses) strips them, leaving the prerendered Start button of a widget that never comes.
// The element and its attributes are allowed in posts, and an element that has lost its
// prerendered intro (or never had one) is completed when the post is shown, with this
// plugin's files; a pasted snippet then works like the shortcode.
add_filter( 'wp_kses_allowed_html', 'ovp_allow_element', 10, 2 );

function ovp_allow_element( $tags, $context ) {
	if ( 'post' === $context ) {
		$tags['open-vs-proprietary'] = array_fill_keys( ovp_build()['attributes'], true );
	}
	return $tags;
}

// After wpautop (10) and shortcodes (11).
add_filter( 'the_content', 'ovp_complete_elements', 12 );

function ovp_complete_elements( $content ) {
	// A snippet pasted whole, script and all, by someone allowed to: left as it is.
	if ( ovp_has_embed_script( $content ) ) {
		return $content;
	}
	return ovp_each_element( $content, 'ovp_complete_element' );
}

// Before wptexturize and wpautop (10), which would curl the quotes of a pack left as text
// and break its lines: an element holding one gets its script element back first.
add_filter( 'the_content', 'ovp_restore_pasted_packs', 8 );

function ovp_restore_pasted_packs( $content ) {
	if ( ovp_has_embed_script( $content ) ) {
		return $content;
	}
	return ovp_each_element(
		$content,
		function ( $element ) {
			$parts = ovp_element_parts( $element );
			$pack  = $parts && false === strpos( $parts['inner'], '<script' ) ? ovp_pack_left_by_kses( $parts['inner'] ) : '';
			return '' === $pack ? $element : ovp_render( $parts['atts'], $pack );
		}
	);
}

/** $content with each `<open-vs-proprietary …>…</open-vs-proprietary>` passed through $complete. */
function ovp_each_element( $content, $complete ) {
	if ( false === strpos( $content, '<open-vs-proprietary' ) ) {
		return $content;
	}
	// One pass, in time linear in the post's length whatever it holds (unclosed tags by
	// the thousand included): each element's end is searched for once, not once per start.
	$open   = '<open-vs-proprietary';
	$close  = '</open-vs-proprietary>';
	$result = '';
	$copied = 0; // $content up to here is in $result
	$from   = 0; // where the next opening tag is looked for
	$end    = -1; // the closing tag after the latest start, once found
	while ( false !== ( $start = strpos( $content, $open, $from ) ) ) {
		if ( $end < $start ) {
			$end = strpos( $content, $close, $start );
			if ( false === $end ) {
				break; // no element closes after here: the rest stays as it is
			}
		}
		$after = substr( $content, $start + strlen( $open ), 1 );
		if ( '>' !== $after && ! ctype_space( $after ) ) {
			$from = $start + 1; // not the element's opening tag (<open-vs-proprietary-x …)
			continue;
		}
		$done    = $complete( substr( $content, $start, $end + strlen( $close ) - $start ) );
		$result .= substr( $content, $copied, $start - $copied ) . $done;
		$copied  = $end + strlen( $close );
		$from    = $copied;
	}
	return $result . substr( $content, $copied );
}

/**
 * Whether $content has a script tag loading embed.js. Each tag is read once up to its
 * end (or the next `<`), so the time stays linear in the post's length.
 */
function ovp_has_embed_script( $content ) {
	preg_match_all( '#<script\b[^<>]*+#i', $content, $tags );
	foreach ( $tags[0] as $tag ) {
		if ( preg_match( '#\bsrc="[^"]*/embed\.js"#', $tag ) ) {
			return true;
		}
	}
	return false;
}

/**
 * One `<open-vs-proprietary …>…</open-vs-proprietary>` completed with the prerendered
 * intro and its script, or left as it is when it already has them (or its opening tag
 * never ends).
 */
function ovp_complete_element( $element ) {
	$parts = ovp_element_parts( $element );
	if ( ! $parts || false !== strpos( $parts['inner'], '<template' ) || false !== strpos( $parts['inner'], '<script type="application/json">' ) ) {
		return $element; // the shortcode's or the block's (with a pack or not), or a whole snippet
	}
	return ovp_render( $parts['atts'] );
}

/** An element's known attributes and its inner HTML, or null when its opening tag never ends. */
function ovp_element_parts( $element ) {
	if ( ! preg_match( '#^<open-vs-proprietary(\s[^>]*+)?>(.*)</open-vs-proprietary>$#s', $element, $parts ) ) {
		return null;
	}
	$atts = array();
	foreach ( wp_kses_hair( isset( $parts[1] ) ? $parts[1] : '', wp_allowed_protocols() ) as $name => $attribute ) {
		if ( in_array( $name, ovp_build()['attributes'], true ) ) {
			$atts[ $name ] = html_entity_decode( $attribute['value'], ENT_QUOTES );
		}
	}
	return array( 'atts' => $atts, 'inner' => $parts[2] );
}

/**
 * The pack of the studio's embed code pasted by someone who may not post scripts: kses
 * took the `<script type="application/json">` around it and left its JSON as the
 * element's text (on one line, as the studio writes it). '' when there is none.
 */
function ovp_pack_left_by_kses( $inner ) {
	// The pack is the element's last text; the first screen's words before it may hold
	// `{"` too, so a few starts are tried, first to last.
	$from = 0;
	for ( $tries = 0; $tries < 8; $tries++ ) {
		$start = strpos( $inner, '{"', $from );
		if ( false === $start ) {
			return '';
		}
		// The studio writes `&`, `<` and `>` in the pack's texts as JSON escapes, so an
		// `&amp;` here is the filter's for a bare `&` (in code from an older studio).
		$json    = str_replace( '&amp;', '&', substr( $inner, $start ) );
		$decoded = json_decode( $json, true );
		if ( is_array( $decoded ) && isset( $decoded['questions'] ) ) {
			return $json;
		}
		$from = $start + 1;
	}
	return '';
}
