<?php

use App\Http\Controllers\InvoiceController;
use Illuminate\Support\Facades\Route;

Route::get('/invoices', [InvoiceController::class, 'index']);  // fortnox: none own-route
Route::post('/invoices', [InvoiceController::class, 'store']);  // fortnox: none own-route
Route::get('/customers/{id}', [InvoiceController::class, 'customer']);  // fortnox: none own-route
