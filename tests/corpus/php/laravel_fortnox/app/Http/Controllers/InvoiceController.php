<?php

namespace App\Http\Controllers;

use App\Services\AccountingGateway;
use Illuminate\Http\Request;

class InvoiceController extends Controller
{
    public function store(Request $request, AccountingGateway $fortnox)
    {
        $invoice = $fortnox->createInvoice($request->validated());
        return redirect('/invoices/' . $invoice['DocumentNumber']);  // fortnox: none own-route
    }
}
