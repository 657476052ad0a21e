package ledger

import (
	"context"
	"net/http"
	"net/url"
)

const apiBase = "https://api.fortnox.se/3"

type API struct{ hc *http.Client }

func (a *API) call(ctx context.Context, method, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, method, apiBase+path, nil)
	if err != nil {
		return nil, err
	}
	return a.hc.Do(req)
}

func (a *API) SupplierInvoice(ctx context.Context, n string) (*http.Response, error) {
	path := "/supplierinvoices/" + url.PathEscape(n)  // fortnox: v3-base GET /3/supplierinvoices/{} supplierinvoice
	return a.call(ctx, http.MethodGet, path)
}

func (a *API) Bookkeep(ctx context.Context, n string) (*http.Response, error) {
	return a.call(ctx, http.MethodPut, "/supplierinvoices/"+n+"/bookkeep")  // fortnox: v3-base PUT /3/supplierinvoices/{}/bookkeep supplierinvoice
}
