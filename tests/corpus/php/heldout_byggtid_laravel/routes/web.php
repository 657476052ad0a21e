<?php

use App\Models\Order;
use App\Models\ProjectInvoice;
use App\Services\Fortnox\FortnoxClient;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Http;
use Illuminate\Support\Facades\Route;

Route::middleware('auth')->group(function () {
    Route::get('/invoices/{invoice}/pdf', function (ProjectInvoice $invoice, FortnoxClient $fortnox) { // fortnox: none own-route
        return response($fortnox->invoicePdf($invoice->fortnox_number), 200, [
            'Content-Type' => 'application/pdf',
            'Content-Disposition' => "inline; filename=\"faktura-{$invoice->fortnox_number}.pdf\"",
        ]);
    })->name('invoices.pdf');

    Route::post('/orders/{order}/cancel', function (Order $order, FortnoxClient $fortnox) { // fortnox: none own-route
        if ($order->fortnox_number) {
            $fortnox->put("/orders/{$order->fortnox_number}/cancel"); // fortnox: cross-file PUT /3/orders/{}/cancel order
        }
        $order->update(['status' => 'cancelled']);

        return back()->with('status', 'Ordern är makulerad.');
    })->name('orders.cancel');
});

Route::post('/webhooks/stripe', function (Request $request, FortnoxClient $fortnox) {
    $event = $request->json()->all();
    if (($event['type'] ?? null) !== 'charge.succeeded') {
        return response()->noContent();
    }

    $charge = Http::withToken(config('services.stripe.secret'))
        ->get("https://api.stripe.com/v1/charges/{$event['data']['object']['id']}") // fortnox: none other-api
        ->json();

    $matches = $fortnox->get('/invoices', ['externalinvoicereference1' => $charge['metadata']['order_number'] ?? '']); // fortnox: cross-file GET /3/invoices invoice
    foreach ($matches['Invoices'] as $invoice) {
        $fortnox->registerPayment((int) $invoice['DocumentNumber'], $charge['amount'] / 100, now()->toDateString());
    }

    return response()->noContent();
})->withoutMiddleware(\App\Http\Middleware\VerifyCsrfToken::class);
