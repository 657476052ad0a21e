<?php

namespace App\Services\Fortnox\Resources;

use App\Services\Fortnox\FortnoxClient;
use Illuminate\Support\Collection;

/**
 * Read-only access to a paged list resource.
 *
 * Fortnox pages its lists, e.g. https://api.fortnox.se/3/employees?page=2&limit=500, // fortnox: none comment
 * so all() keeps fetching until MetaInformation says we reached the last page.
 */
abstract class Resource
{
    /** Path segment below the API base. */
    protected string $resource;

    /** Key holding the list in a list response. */
    protected string $collectionKey;

    /** Key holding the entity in a single-item response. */
    protected string $entityKey;

    public function __construct(protected FortnoxClient $client)
    {
    }

    public function all(array $query = []): Collection
    {
        $items = collect();
        $page = 1;

        do {
            $body = $this->client->get('/' . $this->resource, $query + ['page' => $page, 'limit' => 500]);
            $items->push(...$body[$this->collectionKey]);
            $page++;
        } while ($page <= ($body['MetaInformation']['@TotalPages'] ?? 1));

        return $items;
    }

    public function find(int|string $id): array
    {
        return $this->client->get("/{$this->resource}/{$id}")[$this->entityKey];
    }
}
