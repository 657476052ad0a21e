<?php
/**
 * Plugin Name: Fortnox Sync for WooCommerce
 * Description: Sends paid orders to https://api.fortnox.se/3/orders as Fortnox orders.
 */

if (!defined('ABSPATH')) {
    exit;
}

define('WCFS_API', 'https://api.fortnox.se/3/');
define('WCFS_TOKEN_URL', 'https://apps.fortnox.se/oauth-v1/token');

require_once __DIR__ . '/includes/class-api.php';
require_once __DIR__ . '/includes/resources/class-orders.php';
require_once __DIR__ . '/includes/resources/class-articles.php';

add_action('woocommerce_order_status_completed', function ($order_id) {
    $order = wc_get_order($order_id);
    (new WCFS_Orders())->create(['CustomerNumber' => '1', 'YourOrderNumber' => (string) $order_id]);
    $response = wp_remote_post(WCFS_API . 'invoices', [  // fortnox: v3-base POST /3/invoices invoice
        'headers' => wcfs_headers(),
        'body' => wp_json_encode(['Invoice' => ['CustomerNumber' => '1']]),
    ]);
    # wp_remote_get(WCFS_API . 'vouchers') is not needed any more  // fortnox: none comment
});

function wcfs_headers(): array
{
    return ['Authorization' => 'Bearer ' . get_option('wcfs_token'), 'Content-Type' => 'application/json'];
}

function wcfs_settings_page(): void
{
    echo '<a href="https://apps.fortnox.se/oauth-v1/auth?client_id=x&scope=order%20invoice">Connect</a>';
    $woo = wp_remote_get(home_url('/wp-json/wc/v3/orders'));  // fortnox: none other-api
}
