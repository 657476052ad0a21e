<?php

return [

    'postmark' => [
        'token' => env('POSTMARK_TOKEN'),
    ],

    'fortnox' => [
        'base_url' => env('FORTNOX_BASE_URL', 'https://api.fortnox.se/3'),
        'token_url' => env('FORTNOX_TOKEN_URL', 'https://apps.fortnox.se/oauth-v1/token'), // fortnox: none oauth
        'client_id' => env('FORTNOX_CLIENT_ID'),
        'client_secret' => env('FORTNOX_CLIENT_SECRET'),
        'access_token' => env('FORTNOX_ACCESS_TOKEN'),
        'timeout' => (int) env('FORTNOX_TIMEOUT', 20),
    ],

    'stripe' => [
        'secret' => env('STRIPE_SECRET'),
        'webhook_secret' => env('STRIPE_WEBHOOK_SECRET'),
    ],

    'slack' => [
        'webhook_url' => env('SLACK_WEBHOOK_URL'),
    ],

];
