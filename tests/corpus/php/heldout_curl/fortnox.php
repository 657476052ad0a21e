<?php
/*
 * Minimal Fortnox example: 1) the user authorizes, 2) we get a token, 3) we call the API.
 */

define('ENDPOINT', 'https://api.fortnox.se/3/');
define('COMPANY_INFO_ENDPOINT', 'https://api.fortnox.se/3/companyinformation');  // fortnox: url /3/companyinformation companyinformation

function apiCall(string $method, string $url, string $token, ?array $body = null): array
{
    $ch = curl_init($url);
    curl_setopt($ch, CURLOPT_CUSTOMREQUEST, $method);
    curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Bearer ' . $token, 'Content-Type: application/json']);
    curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
    if ($body !== null) {
        curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($body));
    }
    $result = curl_exec($ch);
    curl_close($ch);
    return json_decode($result, true) ?: [];
}

function getCompanyInformation(string $token): array
{
    return apiCall('GET', COMPANY_INFO_ENDPOINT, $token);
}

function getCustomers(string $token): array
{
    return apiCall('GET', ENDPOINT . 'customers', $token);  // fortnox: v3-base GET /3/customers customer
}

function createArticle(string $token, array $article): array
{
    return apiCall('POST', ENDPOINT . 'articles', $token, ['Article' => $article]);  // fortnox: v3-base POST /3/articles article
}

function updatePriceList(string $token, string $code, array $list): array
{
    return apiCall('PUT', ENDPOINT . "pricelists/$code", $token, ['PriceList' => $list]);  // fortnox: v3-base PUT /3/pricelists/{} price
}

function slack(string $text): void
{
    apiCall('POST', 'https://hooks.slack.com/services/X', '', ['text' => $text]);
}
