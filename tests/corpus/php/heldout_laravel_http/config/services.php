<?php

return [
    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN'),
        'endpoint' => env('MAILGUN_ENDPOINT', 'https://api.mailgun.net'),
    ],
    'fortnox' => [
        'url' => env('FORTNOX_URL', 'https://api.fortnox.se/3'),
        'client_id' => env('FORTNOX_CLIENT_ID'),
    ],
];
