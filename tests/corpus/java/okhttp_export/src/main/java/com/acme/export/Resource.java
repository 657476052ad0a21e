package com.acme.export;

/** The Fortnox collections the exporter writes to. */
public enum Resource {
    SUPPLIERS("suppliers"),  // fortnox: route-table /3/suppliers supplier
    SUPPLIER_INVOICES("supplierinvoices"),  // fortnox: route-table /3/supplierinvoices supplierinvoice
    SUPPLIER_PAYMENTS("supplierinvoicepayments");  // fortnox: route-table /3/supplierinvoicepayments payment

    private final String path;

    Resource(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
