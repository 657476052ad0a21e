<?php

namespace App\Services;

use GuzzleHttp\Client;
use Illuminate\Support\Facades\Cache;

class AccountingGateway
{
    private Client $http;

    public function __construct()
    {
        $this->http = new Client([
            'base_uri' => config('fortnox.base_url'),
            'headers' => ['Authorization' => 'Bearer ' . Cache::get('fortnox_token'), 'Accept' => 'application/json'],
        ]);
    }

    public function customers(int $page = 1): array
    {
        $response = $this->http->get('customers', ['query' => ['page' => $page]]);  // fortnox: cross-file GET /3/customers customer
        return json_decode((string) $response->getBody(), true)['Customers'];
    }

    public function createInvoice(array $invoice): array
    {
        $response = $this->http->post('invoices', ['json' => ['Invoice' => $invoice]]);  // fortnox: cross-file POST /3/invoices invoice
        return json_decode((string) $response->getBody(), true)['Invoice'];
    }

    public function sendInvoice(string $number): void
    {
        $this->http->request('GET', "invoices/{$number}/email");  // fortnox: cross-file GET /3/invoices/{}/email invoice
    }

    public function article(string $number): array
    {
        $path = sprintf('articles/%s', rawurlencode($number));  // fortnox: format GET /3/articles/{} article
        return json_decode((string) $this->http->get($path)->getBody(), true);
    }

    public function projects(): array
    {
        $body = $this->http->get("projects?limit=100")->getBody();  // fortnox: cross-file GET /3/projects project
        return json_decode((string) $body, true)['Projects'];
    }
}
