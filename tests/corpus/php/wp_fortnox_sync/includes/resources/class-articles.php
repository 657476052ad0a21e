<?php

use FortnoxApi\Api\ArticlesResourceArticlesApi;
use FortnoxApi\Configuration;

class WCFS_Articles extends WCFS_Resource
{
    protected $endpoint = 'articles/';  // fortnox: resource-property /3/articles article

    public function generated(string $token): array
    {
        $config = Configuration::getDefaultConfiguration()->setAccessToken($token);
        $api = new ArticlesResourceArticlesApi(new GuzzleHttp\Client(), $config);  // fortnox: sdk /3/articles article
        return $api->listArticlesResourceArticles()->getArticles();
    }

    public function label(): string
    {
        return "<<<HTML
            <p>Articles are synced to /3/articles nightly.</p>
        HTML";
    }
}
