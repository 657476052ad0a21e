package fortnox

import (
	"context"
	"fmt"
	"net/http"
)

var ledgerPaths = map[string]string{
	"accounts":    "accounts",  // fortnox: route-table /3/accounts bookkeeping
	"costcenters": "costcenters",  // fortnox: route-table /3/costcenters costcenter
	"vouchers":    "vouchers",  // fortnox: route-table /3/vouchers bookkeeping
}

func (c *Client) Ledger(ctx context.Context) (map[string]any, error) {
	out := map[string]any{}
	for name, path := range ledgerPaths {
		var part any
		if err := c.get(ctx, path, &part); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out[name] = part
	}
	return out, nil
}

func (c *Client) Company(ctx context.Context) (map[string]any, error) {
	req, _ := http.NewRequestWithContext(ctx, "GET", fmt.Sprintf("%s/companyinformation", baseURL), nil)  // fortnox: format GET /3/companyinformation companyinformation
	req.Header.Set("Authorization", "Bearer "+c.token)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return map[string]any{"status": resp.Status}, nil
}
