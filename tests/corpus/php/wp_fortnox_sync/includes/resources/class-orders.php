<?php

class WCFS_Orders extends WCFS_Resource
{
    protected $endpoint = 'orders';  // fortnox: resource-property /3/orders order

    public function invoice(string $number): array
    {
        return $this->request('PUT', "/{$number}/createinvoice");
    }
}
