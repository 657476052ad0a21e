<?php

return [
    'base_url' => env('FORTNOX_BASE_URL', 'https://api.fortnox.se/3/'),
    'client_id' => env('FORTNOX_CLIENT_ID'),
    'client_secret' => env('FORTNOX_CLIENT_SECRET'),
    'token_url' => 'https://apps.fortnox.se/oauth-v1/token',
];
