<?php

namespace App\Jobs;

use GuzzleHttp\Client;
use Illuminate\Bus\Queueable;
use Illuminate\Contracts\Queue\ShouldQueue;
use Illuminate\Foundation\Bus\Dispatchable;
use Illuminate\Queue\InteractsWithQueue;
use Illuminate\Queue\SerializesModels;
use Illuminate\Support\Facades\Cache;
use Illuminate\Support\Facades\Http;
use Illuminate\Support\Facades\Log;
use Psr\Http\Message\ResponseInterface;

class SyncSupplierInvoices implements ShouldQueue
{
    use Dispatchable, InteractsWithQueue, Queueable, SerializesModels;

    private const FORTNOX_URL = 'https://api.fortnox.se';

    /** Reference data cached for the approval rules. */
    private const LOOKUPS = [
        'accounts' => '/3/accounts', // fortnox: route-table /3/accounts bookkeeping
        'costcenters' => '/3/costcenters', // fortnox: route-table /3/costcenters costcenter
        'currencies' => '/3/currencies', // fortnox: route-table /3/currencies currency
    ];

    public int $tries = 3;

    public function handle(): void
    {
        $http = new Client([
            'base_uri' => self::FORTNOX_URL,
            'timeout' => 20,
            'headers' => [
                'Authorization' => 'Bearer ' . config('services.fortnox.access_token'),
                'Accept' => 'application/json',
            ],
        ]);

        $lookups = [];
        foreach (self::LOOKUPS as $key => $path) {
            $lookups[$key] = Cache::remember("lookup.{$key}", now()->addHours(6), function () use ($http, $path) {
                return $this->decode($http->get($path, ['query' => ['limit' => 500]]));
            });
        }

        $unbooked = $this->decode($http->get('/3/supplierinvoices', [ // fortnox: path GET /3/supplierinvoices supplierinvoice
            'query' => ['filter' => 'unbooked', 'limit' => 100],
        ]));

        $booked = [];
        foreach ($unbooked['SupplierInvoices'] as $invoice) {
            $supplier = $this->decode($http->get('https://api.fortnox.se/3/suppliers/' . $invoice['SupplierNumber'])); // fortnox: url GET /3/suppliers/{} supplier

            if (! $this->isApproved($invoice, $supplier['Supplier'], $lookups)) {
                continue;
            }

            $http->put(sprintf('/3/supplierinvoices/%d/bookkeep', $invoice['GivenNumber'])); // fortnox: format PUT /3/supplierinvoices/{}/bookkeep supplierinvoice
            Log::info("Bookkept supplier invoice {$invoice['GivenNumber']} (https://api.fortnox.se/3/supplierinvoices/{$invoice['GivenNumber']})"); // fortnox: none log

            if ($fileId = Cache::pull("scan.{$invoice['InvoiceNumber']}")) {
                $http->post(self::FORTNOX_URL . '/3/supplierinvoicefileconnections', [ // fortnox: host-base POST /3/supplierinvoicefileconnections connectfile
                    'json' => ['SupplierInvoiceFileConnection' => [
                        'FileId' => $fileId,
                        'SupplierInvoiceNumber' => $invoice['GivenNumber'],
                    ]],
                ]);
            }

            $booked[] = $invoice['GivenNumber'];
        }

        $pendingGoods = $this->decode($http->get('/api/warehouse/incominggoods-v1', [ // fortnox: path GET /api/warehouse/incominggoods-v1 warehouse
            'query' => ['status' => 'NOT_COMPLETED'],
        ]));

        if ($booked !== [] && config('services.slack.webhook_url')) {
            Http::post(config('services.slack.webhook_url'), [
                'text' => sprintf('%d supplier invoices bookkept, %d deliveries still pending', count($booked), count($pendingGoods)),
            ]);
        }
    }

    private function isApproved(array $invoice, array $supplier, array $lookups): bool
    {
        if ($supplier['Active'] === false) {
            return false;
        }

        $knownCurrencies = collect($lookups['currencies']['Currencies'] ?? [])->pluck('Code');

        return $knownCurrencies->contains($invoice['Currency'] ?? 'SEK')
            && (float) $invoice['Total'] <= 50000;
    }

    private function decode(ResponseInterface $response): array
    {
        return json_decode((string) $response->getBody(), true, 512, JSON_THROW_ON_ERROR);
    }
}
