<?php

abstract class WCFS_Resource
{
    /** @var string Collection under /3/, set by each resource class. */
    protected $endpoint = '';

    protected function request(string $method, string $suffix = '', ?array $body = null): array
    {
        $url = WCFS_API . $this->endpoint . $suffix;
        $args = ['method' => $method, 'headers' => wcfs_headers(), 'timeout' => 20];
        if ($body !== null) {
            $args['body'] = wp_json_encode($body);
        }
        $response = wp_remote_request($url, $args);
        return json_decode(wp_remote_retrieve_body($response), true) ?: [];
    }

    public function all(): array
    {
        return $this->request('GET');
    }

    public function create(array $record): array
    {
        return $this->request('POST', '', $record);
    }
}
