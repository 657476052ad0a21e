<?php

namespace App\Services\Fortnox;

use Illuminate\Http\Client\PendingRequest;
use Illuminate\Http\Client\RequestException;
use Illuminate\Support\Collection;
use Illuminate\Support\Facades\Http;

class FortnoxClient
{
    public const DEFAULT_BASE_URL = 'https://api.fortnox.se/3';

    private string $baseUrl;

    public function __construct(private ?string $accessToken = null)
    {
        $this->baseUrl = rtrim(config('services.fortnox.base_url', self::DEFAULT_BASE_URL), '/');
        $this->accessToken ??= config('services.fortnox.access_token');
    }

    protected function http(): PendingRequest
    {
        return Http::withToken($this->accessToken)
            ->baseUrl($this->baseUrl)
            ->acceptJson()
            ->timeout(config('services.fortnox.timeout', 20))
            ->retry(3, 500, fn ($e) => $e instanceof RequestException && $e->response->status() === 429);
    }

    public function get(string $path, array $query = []): array
    {
        return $this->http()->get($path, $query)->throw()->json();
    }

    public function post(string $path, array $data = []): array
    {
        return $this->http()->post($path, $data)->throw()->json();
    }

    public function put(string $path, array $data = []): array
    {
        return $this->http()->put($path, $data)->throw()->json();
    }

    public function findCustomer(string $customerNumber): ?array
    {
        $response = $this->http()->get("/customers/{$customerNumber}"); // fortnox: helper GET /3/customers/{} customer

        return $response->notFound() ? null : $response->throw()->json('Customer');
    }

    public function createInvoice(array $invoice): array
    {
        return $this->post('/invoices', ['Invoice' => $invoice])['Invoice']; // fortnox: helper POST /3/invoices invoice
    }

    public function creditInvoice(int|string $documentNumber): array
    {
        return $this->put(sprintf('/invoices/%s/credit', $documentNumber))['Invoice']; // fortnox: helper PUT /3/invoices/{}/credit invoice
    }

    public function overdueInvoices(): Collection
    {
        $invoices = collect();
        $page = 1;

        do {
            $body = $this->get('/invoices', ['filter' => 'unpaidoverdue', 'page' => $page, 'limit' => 500]); // fortnox: helper GET /3/invoices invoice
            $invoices->push(...$body['Invoices']);
            $page++;
        } while ($page <= $body['MetaInformation']['@TotalPages']);

        return $invoices;
    }

    public function registerPayment(int $invoiceNumber, float $amount, string $paymentDate): array
    {
        return $this->post('/invoicepayments', [ // fortnox: helper POST /3/invoicepayments payment
            'InvoicePayment' => [
                'InvoiceNumber' => $invoiceNumber,
                'Amount' => $amount,
                'PaymentDate' => $paymentDate,
                'ModeOfPayment' => 'KORT',
            ],
        ])['InvoicePayment'];
    }

    public function invoicePdf(int|string $documentNumber): string
    {
        return Http::withToken($this->accessToken)
            ->accept('application/pdf')
            ->get($this->baseUrl . '/invoices/' . $documentNumber . '/print') // fortnox: v3-base GET /3/invoices/{}/print invoice
            ->throw()
            ->body();
    }
}
