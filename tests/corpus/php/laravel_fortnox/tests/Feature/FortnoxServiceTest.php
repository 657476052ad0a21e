<?php

use Illuminate\Support\Facades\Http;

it('creates invoices', function () {
    Http::fake(['https://api.fortnox.se/3/invoices' => Http::response(['Invoice' => []])]);  // fortnox: none test
});
