<?php

namespace App\Integrations;

use Illuminate\Support\Facades\Http;

class Bookkeeping
{
    public function __construct(private string $token)
    {
    }

    private function http()
    {
        return Http::withToken($this->token)->baseUrl(config('services.fortnox.url'))->acceptJson();
    }

    public function suppliers(): array
    {
        return $this->http()->get('suppliers')->json('Suppliers');  // fortnox: cross-file GET /3/suppliers supplier
    }

    public function payInvoice(string $number, array $payment): array
    {
        return $this->http()->post('supplierinvoicepayments', ['SupplierInvoicePayment' => $payment])->json();  // fortnox: cross-file POST /3/supplierinvoicepayments payment
    }

    public function approve(string $givenNumber): void
    {
        $this->http()->put("supplierinvoices/{$givenNumber}/approvalpayment");  // fortnox: cross-file PUT /3/supplierinvoices/{}/approvalpayment supplierinvoice
    }
}
